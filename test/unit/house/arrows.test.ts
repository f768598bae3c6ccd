/**
 * The house's arrows (.dependency-cruiser.cjs): no import cycle between folders or modules under
 * src/, and no import against the house rules. The same check as `npm run arrows`, through
 * dependency-cruiser's API so `npm test` catches it too.
 */
import { cruise, type ICruiseResult, type IViolation } from "dependency-cruiser";
import extractDepcruiseOptions from "dependency-cruiser/config-utl/extract-depcruise-options";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";
import { beforeAll, describe, expect, it } from "vitest";

let result: ICruiseResult;

function show(violation: IViolation): string {
  const path = violation.cycle?.map((step) => step.name).join(" → ");
  return `${violation.rule.name}: ${violation.from} → ${path ?? violation.to}`;
}

describe("arrows", () => {
  beforeAll(async () => {
    const options = await extractDepcruiseOptions("./.dependency-cruiser.cjs");
    const reporting = await cruise(
      ["src"],
      { ...options, validate: true },
      {},
      {
        tsConfig: extractTSConfig("tsconfig.json"),
      },
    );
    result = reporting.output as ICruiseResult;
  }, 180_000); // ~5 s of CPU; generous for a machine under load

  it("cruises the whole of src/", () => {
    expect(result.summary.totalCruised).toBeGreaterThan(300);
    expect(result.modules.some((m) => m.source === "src/handlers/incident/index.ts")).toBe(true);
  });

  it("finds no cycle and no forbidden import", () => {
    expect(result.summary.violations.map(show)).toEqual([]);
  });
});
