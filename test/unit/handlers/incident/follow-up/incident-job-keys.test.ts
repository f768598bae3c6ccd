import { describe, expect, it } from "vitest";
import type { ScheduledJob, Scheduler } from "../../../../../src/bot/core/ports.ts";
import { incidentJobKeys } from "../../../../../src/handlers/incident/follow-up/incident-job-keys.ts";
import {
  gradeOf,
  scheduleAckCheck,
  scheduleAlert,
  scheduleFollowUpCheck,
  scheduleRenotify,
  scheduleWrittenChecks,
} from "../../../../../src/handlers/incident/incident-schedule.ts";
import { incident, REPORTED_AT, samplePolicy } from "../support/incident-fixtures.ts";

/** A Scheduler that only remembers the keys it was given. */
class KeyRecorder implements Scheduler {
  readonly keys: string[] = [];
  async schedule(key: string, _at: Date, _job: ScheduledJob): Promise<void> {
    this.keys.push(key);
  }
  async cancel(): Promise<void> {}
}

const policy = samplePolicy();
const HOUR = 3_600_000;
const at = (hours: number) => new Date(REPORTED_AT.getTime() + hours * HOUR);

describe("the jobs a 终报 cancels", () => {
  it("covers every key the incident's scheduling functions use", async () => {
    const open = incident({ completedAt: null, escalationLevel: 2 });
    const grade = gradeOf(policy, open.gradeId);
    const recorder = new KeyRecorder();
    await scheduleAlert(recorder, open, REPORTED_AT);
    for (const level of [1, 2, 3]) await scheduleAckCheck(recorder, open.id, level, at(level));
    await scheduleWrittenChecks(recorder, policy, open, REPORTED_AT);
    await scheduleFollowUpCheck(recorder, grade, open);
    await scheduleRenotify(recorder, policy, open.id, at(0.1));
    const keys = incidentJobKeys(open, grade, at(1));
    for (const key of recorder.keys) expect(keys).toContain(key);
  });

  it("asks for the ack check after the current level, not beyond", () => {
    const keys = incidentJobKeys(incident({ escalationLevel: 1 }), { follow_up_every: undefined }, at(1));
    expect(keys.filter((k) => k.includes("-ack-"))).toEqual(["incident-7-ack-1", "incident-7-ack-2"]);
  });

  it("finds the follow-up check the missed checks moved on to", () => {
    const every = 4 * HOUR;
    const waiting = (hours: number) =>
      incidentJobKeys(incident({ followUpCount: 2 }), { follow_up_every: every }, at(hours)).filter((k) =>
        k.includes("-followup-"),
      );
    const key = (periods: number) => `incident-7-followup-2-${REPORTED_AT.getTime() + periods * every}`;
    // Before the first due time: the first check waits.
    expect(waiting(1)).toContain(key(1));
    // Two checks fired and flagged 漏报 (at 4 h and 8 h); each scheduled the next one period on.
    expect(waiting(9)).toContain(key(3));
    // Exactly at a due time the check may not have run yet: both are cancelled.
    expect(waiting(8)).toEqual(expect.arrayContaining([key(2), key(3)]));
  });

  it("has no follow-up key when the grade asks for no follow-ups", () => {
    expect(incidentJobKeys(incident(), { follow_up_every: undefined }, at(5)).join()).not.toContain(
      "followup",
    );
  });
});
