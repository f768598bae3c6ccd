/**
 * The 日报's 督办 fields: 今日到期, 逾期, 待确认办结, one part a line, each saying 无 when empty (so a
 * reader sees it was checked). Pure: the facts, the time and the names are inputs.
 */
import type { CardField } from "../../../bot/core/message.ts";
import { cappedLines, shorten } from "../../office/list-text.ts";
import { formatDurationZh } from "../../office/time-format.ts";
import { supervisionMessages as S } from "../messages.ts";
import type { PartRole } from "../task-types.ts";
import { taskQueryMessages as M } from "./messages.ts";
import type { TaskDigestFacts } from "./task-digest-facts.ts";

export interface TaskDigestView {
  now: Date;
  unitName(unitId: string): string;
  /** A time in a list (`12-07 18:00`, or `18:00` today). */
  time(at: Date): string;
}

/** How much of a task's content a line quotes. */
const MAX_CONTENT = 16;

const capped = (lines: readonly string[]) => cappedLines(lines, M);

export function taskDigestFields(facts: TaskDigestFacts, view: TaskDigestView): CardField[] {
  const unit = (id: string) => view.unitName(id);
  const content = (text: string) => shorten(text, MAX_CONTENT);
  const due = facts.dueToday.map((p) =>
    M.digestDueLine(
      p.task.number,
      unit(p.unitId),
      S.role[p.role as PartRole] ?? p.role,
      view.time(p.dueAt),
      content(p.task.content),
    ),
  );
  const overdue = facts.overdue.map((p) =>
    M.digestOverdueLine(
      p.task.number,
      unit(p.unitId),
      formatDurationZh(Math.max(0, view.now.getTime() - p.dueAt.getTime())),
      view.time(p.dueAt),
      content(p.task.content),
    ),
  );
  const pending = facts.closePending.map((p) =>
    M.digestCloseLine(
      p.task.number,
      unit(p.unitId),
      p.closeRequestedAt ? view.time(p.closeRequestedAt) : "",
      content(p.task.content),
    ),
  );
  return [
    { label: M.digestDueToday(due.length), value: capped(due) },
    { label: M.digestOverdue(overdue.length), value: capped(overdue) },
    { label: M.digestClosePending(pending.length), value: capped(pending) },
  ];
}
