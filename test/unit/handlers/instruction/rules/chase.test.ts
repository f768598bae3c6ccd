import { describe, expect, it } from "vitest";
import { chaseDueAt, chaseStep } from "../../../../../src/handlers/instruction/rules/chase.ts";

describe("chaseStep", () => {
  it.each([
    [1, 2, "chase"],
    [2, 2, "chase"],
    [3, 2, "tell-leader"],
    [4, 2, "none"],
    [0, 2, "none"],
    [1, 0, "tell-leader"],
    [2, 0, "none"],
    [1, 1, "chase"],
    [2, 1, "tell-leader"],
  ] as const)("round %i of %i chases → %s", (round, times, step) => {
    expect(chaseStep(round, times)).toBe(step);
  });
});

describe("chaseDueAt", () => {
  const given = new Date("2026-03-02T06:28:00Z");
  const thirty = 30 * 60_000;

  it("counts every round from the instruction, not from the previous run", () => {
    expect(chaseDueAt(given, 1, thirty).toISOString()).toBe("2026-03-02T06:58:00.000Z");
    expect(chaseDueAt(given, 2, thirty).toISOString()).toBe("2026-03-02T07:28:00.000Z");
    expect(chaseDueAt(given, 3, thirty).toISOString()).toBe("2026-03-02T07:58:00.000Z");
  });
});
