/** The clocks' pure rules: which 督办 round is due by a time, and how deadlines are written. */
import { describe, expect, it } from "vitest";
import { tasksPolicySchema } from "../../../../../src/config/tasks-policy.ts";
import { deadlineText } from "../../../../../src/handlers/office/deadline-text.ts";
import {
  dueOverdueRound,
  overdueRoundAt,
} from "../../../../../src/handlers/supervision/clocks/part-timers.ts";

const rules = tasksPolicySchema.parse({});
const DUE = new Date("2026-12-07T10:00:00Z");
const HOUR = 3_600_000;

describe("the 督办 rounds", () => {
  it("are none before the deadline, round 1 from it, one more each overdue_every", () => {
    const at = (h: number) => new Date(DUE.getTime() + h * HOUR);
    expect([-1, 0, 23, 24, 47, 64].map((h) => dueOverdueRound(DUE, at(h), rules))).toEqual([
      0, 1, 1, 2, 2, 3,
    ]);
    for (const round of [1, 2, 5])
      expect(dueOverdueRound(DUE, overdueRoundAt(DUE, round, rules), rules)).toBe(round);
  });
});

describe("deadlines in texts", () => {
  it("read as month, day and clock in the office's zone", () => {
    expect(deadlineText(DUE, "Asia/Shanghai")).toBe("12月7日 18:00");
    expect(deadlineText(new Date("2026-12-31T16:05:00Z"), "Asia/Shanghai")).toBe("1月1日 00:05");
  });
});
