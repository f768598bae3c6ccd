/**
 * One unit's cell of the 零报告台账 on one day, from what is on file and where the day stands
 * (day-standing.ts): a recorded report (按时, 迟报, 漏报) first; else an incident reported before the
 * cut-off counts as 已报; else 漏报 once the cut-off has passed; a day the rule skips is 休, and a
 * day still ahead (or today before the cut-off) is left blank. Pure.
 */
import type { DeskTone } from "../../../bot/core/desk.ts";

export type LedgerCellKind = "on_time" | "late" | "missed" | "rest" | "open";

export interface LedgerCell {
  kind: LedgerCellKind;
  /** When the report came (on time or late), when known. */
  at?: Date;
}

export interface LedgerCellInput {
  /** The day has not begun yet (after today). */
  ahead: boolean;
  /** The zero-report rule asks for a report that day. */
  owed: boolean;
  /** The unit's recorded daily report of the day, if any. */
  report?: { status: string; reportedAt: Date | null };
  /** The unit's first incident reported that day before the cut-off (the standing's). */
  incidentAt?: Date;
  /** The day's cut-off has passed. */
  cutoffPassed: boolean;
}

export const LEDGER_TONES: Record<LedgerCellKind, DeskTone | undefined> = {
  on_time: "green",
  late: "yellow",
  missed: "red",
  rest: "grey",
  open: undefined,
};

export function ledgerCell(input: LedgerCellInput): LedgerCell {
  if (input.ahead) return { kind: "open" };
  const { report } = input;
  if (report) {
    const at = report.reportedAt ?? undefined;
    if (report.status === "missed") return { kind: "missed" };
    return { kind: report.status === "late" ? "late" : "on_time", ...(at ? { at } : {}) };
  }
  if (!input.owed) return { kind: "rest" };
  if (input.incidentAt) return { kind: "on_time", at: input.incidentAt };
  return { kind: input.cutoffPassed ? "missed" : "open" };
}
