import { describe, expect, it } from "vitest";
import { assessFollowUp } from "../../../../../src/handlers/incident/follow-up/assess-follow-up.ts";
import {
  type FollowUpData,
  NOT_UPDATED,
  NOTHING_NEW,
} from "../../../../../src/handlers/incident/follow-up/follow-up-data.ts";
import { incident, REPORTED_AT, samplePolicy } from "../support/incident-fixtures.ts";

const policy = samplePolicy();
const HOUR = 3_600_000;
const at = (hours: number) => new Date(REPORTED_AT.getTime() + hours * HOUR);

function answers(overrides: Partial<FollowUpData> = {}): Partial<FollowUpData> {
  return {
    missingAtStart: [],
    progress: "道路恢复通行",
    casualtiesNow: NOT_UPDATED,
    newMeasures: NOTHING_NEW,
    ...overrides,
  };
}

describe("what a 续报 changes", () => {
  it("is on time before follow_up_every (较大: 4 h) and changes nothing when nothing is new", () => {
    const { changes, facts } = assessFollowUp(incident(), answers(), policy, at(2));
    expect(changes).toEqual({});
    expect(facts).toMatchObject({
      sequence: 1,
      lateByMs: 0,
      supplemented: [],
      stillMissing: [],
      completed: false,
    });
    expect(facts.dueAt).toBe(at(4).toISOString());
  });

  it("is late after the due time, by how much, counted from the latest report", () => {
    const current = incident({ followUpCount: 2, lastReportAt: at(5) });
    const { facts } = assessFollowUp(current, answers(), policy, at(9.5));
    expect(facts.sequence).toBe(3);
    expect(facts.lateByMs).toBe(0.5 * HOUR);
  });

  it("takes new casualty counts and adds new measures to those on file", () => {
    const { changes } = assessFollowUp(
      incident(),
      answers({ casualtiesNow: { deaths: 3, injured: 6, missing: 0 }, newMeasures: "交警已封闭现场" }),
      policy,
      at(1),
    );
    expect(changes).toEqual({
      deaths: 3,
      injured: 6,
      missing: 0,
      casualtyWords: null,
      measures: "镇长已带队赶赴现场；交警已封闭现场",
    });
  });

  it.each([
    [
      "counts with words",
      { deaths: 0, injured: 5, missing: 0, words: "5人住院，其中3人重伤" },
      { deaths: 0, injured: 5, missing: 0, casualtyWords: "5人住院，其中3人重伤" },
    ],
    // Words without numbers leave the counts on file alone.
    ["words alone", { words: "多名学生送医观察" }, { casualtyWords: "多名学生送医观察" }],
  ])("keeps the reporter's words with the casualties now: %s", (_name, casualtiesNow, expected) => {
    const { changes } = assessFollowUp(incident(), answers({ casualtiesNow }), policy, at(1));
    expect(changes).toEqual(expected);
  });

  it("supplements missing elements and completes the report when the last one comes in", () => {
    const current = incident({
      contactName: null,
      contactPhone: null,
      deaths: null,
      injured: null,
      missing: null,
      completedAt: null,
    });
    const { changes, facts } = assessFollowUp(
      current,
      answers({
        missingAtStart: ["casualties", "contact"],
        casualties: { deaths: 1, injured: 0, missing: 0 },
        contact: { name: "钱镇长", phone: "13800000042" },
      }),
      policy,
      at(1),
    );
    expect(changes).toMatchObject({
      deaths: 1,
      contactName: "钱镇长",
      contactPhone: "13800000042",
      completedAt: at(1),
    });
    expect(facts).toMatchObject({
      supplemented: ["casualties", "contact"],
      stillMissing: [],
      completed: true,
    });
  });

  it("keeps what is still missing when a 补报 step was skipped", () => {
    const current = incident({ contactName: null, contactPhone: null, measures: null, completedAt: null });
    const { changes, facts } = assessFollowUp(
      current,
      answers({ missingAtStart: ["measures", "contact"], measures: "已疏散群众", contact: null }),
      policy,
      at(1),
    );
    expect(changes).toEqual({ measures: "已疏散群众" });
    expect(facts).toMatchObject({
      supplemented: ["measures"],
      stillMissing: ["现场负责人及电话"],
      completed: false,
    });
  });

  it("ignores answers for elements that were not missing", () => {
    const { changes } = assessFollowUp(incident(), answers({ location: "别处" }), policy, at(1));
    expect(changes).toEqual({});
  });
});
