import { describe, expect, it } from "vitest";
import { gradeByCasualties, suggestGrade } from "../../../../../src/handlers/incident/rules/grading.ts";
import { samplePolicy } from "../support/incident-fixtures.ts";

const { grades } = samplePolicy();
const counts = (deaths: number, injured: number, missing: number) => ({ deaths, injured, missing });

describe("grades from casualties (config/policy.yaml)", () => {
  // [counts, the question's suggestion, the grade filled in without asking]
  it.each<[ReturnType<typeof counts> | null, string | undefined, string | undefined]>([
    [null, undefined, undefined],
    // 无人员伤亡: the question offers the least grade, but nothing is filled in without asking.
    [counts(0, 0, 0), "一般", undefined],
    [counts(2, 3, 0), "一般", "一般"],
    [counts(0, 1, 0), "一般", "一般"],
    [counts(3, 0, 0), "较大", "较大"],
    [counts(0, 12, 0), "较大", "较大"],
    [counts(0, 0, 3), "较大", "较大"],
    [counts(10, 0, 0), "重大", "重大"],
    [counts(1, 100, 0), "特别重大", "特别重大"],
  ])("%j", (casualties, question, filled) => {
    expect(suggestGrade(casualties, grades)?.name).toBe(question);
    expect(gradeByCasualties(casualties, grades)?.name).toBe(filled);
  });
});
