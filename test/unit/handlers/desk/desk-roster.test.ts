import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { DeskTable } from "../../../../src/bot/core/desk.ts";
import { Directory } from "../../../../src/bot/core/directory.ts";
import type { BotServices } from "../../../../src/bot/core/services.ts";
import { loadOfficeConfig } from "../../../../src/config/load.ts";
import { DutyRoster } from "../../../../src/config/roster.ts";
import { rosterView } from "../../../../src/handlers/desk/roster-panel.ts";

const ROOT = join(import.meta.dirname, "..", "..", "..", "..");

async function rosterRows(entries: ConstructorParameters<typeof DutyRoster>[0], now: Date) {
  const config = await loadOfficeConfig(join(ROOT, "config/org.yaml"), join(ROOT, "config/policy.yaml"));
  const directory = new Directory(config.org);
  const office = {
    name: "清河县人民政府总值班室",
    timezone: "Asia/Shanghai",
    roster: new DutyRoster(entries, (ref) => directory.person(ref)?.id),
  };
  const viewer = directory.person("张三");
  if (!viewer) throw new Error("no 张三");
  const view = rosterView({ services: { directory } as BotServices, viewer, now }, office);
  return (view.blocks[0] as DeskTable).rows.map((r) => r.cells.map((c) => c.tel ?? c.text));
}

describe("the roster panel", () => {
  it("names the day's rostered 值班员 and 带班领导, by the office's local day", async () => {
    const entries = [
      { date: { from: "2026-12-01", to: "2026-12-01" }, duty: ["周值班"], leader: ["王县长"] },
    ];
    // 2026-11-30 17:00 UTC is already 12-01 01:00 in Shanghai.
    expect(await rosterRows(entries, new Date("2026-11-30T17:00:00Z"))).toEqual([
      ["值班员", "周值班", "县总值班室", "值班员", "13800000012"],
      ["带班领导", "王县长", "县委县政府办公室", "县长", "13800000002"],
    ]);
  });

  it("falls back to everyone with the duty role and names no leader on a day without an entry", async () => {
    const rows = await rosterRows([], new Date("2026-12-02T02:00:00Z"));
    expect(rows.map((r) => r[1])).toEqual(["孙值班", "周值班", "吴主任"]);
    expect(rows.every((r) => r[0] === "值班员")).toBe(true);
  });
});
