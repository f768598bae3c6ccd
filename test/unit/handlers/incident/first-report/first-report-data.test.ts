import { describe, expect, it } from "vitest";
import {
  casualtiesOnFile,
  casualtiesText,
} from "../../../../../src/handlers/incident/first-report/first-report-data.ts";
import type { CasualtyReport } from "../../../../../src/handlers/incident/understanding/casualties.ts";

describe("casualties as cards show them", () => {
  it.each<[CasualtyReport | null, string]>([
    [null, "不清楚"],
    [{ deaths: 0, injured: 0, missing: 0 }, "无人员伤亡"],
    [{ deaths: 2, injured: 3, missing: 0 }, "死亡 2 人，受伤 3 人"],
    [
      { deaths: 1, injured: 4, missing: 0, words: "死亡1人，受伤4人（其中2人重伤）" },
      "死亡 1 人，受伤 4 人（原话：死亡1人，受伤4人（其中2人重伤））",
    ],
    [
      { deaths: 0, injured: 12, missing: 0, words: "无死亡，12名学生送医观察" },
      "受伤 12 人（原话：无死亡，12名学生送医观察）",
    ],
    // Never 无 when the words tell of people trapped, in hospital or missing.
    [{ deaths: 0, injured: 0, missing: 0, words: "无人员伤亡，2人被困" }, "无人员伤亡，2人被困"],
    [{ words: "多名学生送医观察" }, "多名学生送医观察（人数待报）"],
  ])("%j", (casualties, shown) => {
    expect(casualtiesText(casualties)).toBe(shown);
  });

  it.each([
    [{ deaths: null, injured: null, missing: null, casualtyWords: null }, null],
    [{ deaths: null, injured: null, missing: null, casualtyWords: "有人被困" }, { words: "有人被困" }],
    [
      { deaths: 1, injured: null, missing: null, casualtyWords: null },
      { deaths: 1, injured: 0, missing: 0 },
    ],
    [
      { deaths: 0, injured: 5, missing: 0, casualtyWords: "5人住院" },
      { deaths: 0, injured: 5, missing: 0, words: "5人住院" },
    ],
  ])("reads an incident's columns %j", (row, expected) => {
    expect(casualtiesOnFile(row)).toEqual(expected);
  });
});
