/** The deadline of a 交办 as the dialog reads, defaults and shows it (the rules: deadline-phrase.ts). */
import { formatTimeOfDay } from "../../../config/time-of-day.ts";
import { formatLocalTime } from "../../office/time-format.ts";
import { type DeadlineRules, defaultDeadline, parseDeadline } from "../rules/deadline-phrase.ts";
import type { DueChoice } from "./assign-data.ts";
import { assignMessages as M } from "./messages.ts";

/** A written deadline, or the Chinese reason it cannot be used (thrown, for a dialog step). */
export function readDue(text: string, now: Date, rules: DeadlineRules): DueChoice {
  const result = parseDeadline(text, now, rules);
  if (result.ok) return { at: result.at.toISOString() };
  const written = text.trim();
  if (result.problem === "past")
    throw new Error(M.duePast(written, formatLocalTime(result.at, rules.timeZone)));
  if (result.problem === "noSuchDate") throw new Error(M.dueNoSuchDate(written));
  throw new Error(M.dueUnknown(written));
}

/** No deadline written: today at `default_deadline` (落实不过夜), or the next workday's once it passed. */
export function defaultDue(now: Date, rules: DeadlineRules): DueChoice {
  const { at, rolled } = defaultDeadline(now, rules);
  return {
    at: at.toISOString(),
    note: rolled ? M.dueRolled(formatTimeOfDay(rules.defaultDeadline)) : M.dueDefault,
  };
}

/** `2026-12-07 12:00`, with the reason when nobody wrote it: `2026-12-06 18:00（未写期限，当天办结）`. */
export function formatDue(due: DueChoice, timeZone: string): string {
  const at = formatLocalTime(new Date(due.at), timeZone);
  return due.note ? `${at}（${due.note}）` : at;
}
