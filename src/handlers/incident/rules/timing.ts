/**
 * Deadline arithmetic for reports: when the first report and the written report are due, whether a
 * report came late and by how much, and when the next follow-up is due. Plain functions of their
 * inputs: no clock, no I/O.
 */
import type { Grade } from "../incident-types.ts";

export interface FirstReportTiming {
  /** The clock starts when the event happened, or when the unit learnt of it if that is known and later. */
  clockStart: Date;
  firstDue: Date;
  writtenDue: Date;
  /** Milliseconds past `firstDue` when the report arrived; 0 when on time. */
  lateByMs: number;
}

export function firstReportTiming(input: {
  occurredAt: Date;
  learnedAt?: Date | null;
  reportedAt: Date;
  grade: Pick<Grade, "first_report_within" | "written_report_within">;
}): FirstReportTiming {
  const start =
    input.learnedAt && input.learnedAt.getTime() > input.occurredAt.getTime()
      ? input.learnedAt
      : input.occurredAt;
  const firstDue = new Date(start.getTime() + input.grade.first_report_within);
  const writtenDue = new Date(start.getTime() + input.grade.written_report_within);
  return {
    clockStart: start,
    firstDue,
    writtenDue,
    lateByMs: Math.max(0, input.reportedAt.getTime() - firstDue.getTime()),
  };
}

/** When the next 续报 is due after the latest report, or null when the grade asks for none. */
export function nextFollowUpDue(lastReportAt: Date, grade: Pick<Grade, "follow_up_every">): Date | null {
  return grade.follow_up_every === undefined
    ? null
    : new Date(lastReportAt.getTime() + grade.follow_up_every);
}
