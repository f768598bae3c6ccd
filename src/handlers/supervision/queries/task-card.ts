/**
 * The card 查询 D2026-0001 answers with: the task (content, 交办人, 交办时间, 期限), each unit's part
 * (role, state, light, deadline and extensions, 签收, the latest 反馈, a pending 申请延期 or 申请办结),
 * and the timeline. Pure: everything is an input.
 */
import type { Card, CardField } from "../../../bot/core/message.ts";
import { shorten } from "../../office/list-text.ts";
import { supervisionMessages as S } from "../messages.ts";
import { partLight, partStatus } from "../rules/part-state.ts";
import type { PartRole, SupervisionPart, TaskWithParts } from "../task-types.ts";
import { taskLight } from "./ledger-lines.ts";
import { taskQueryMessages as M } from "./messages.ts";
import { type TaskTimelineRow, taskTimelineLines } from "./task-timeline.ts";

export interface TaskCardView {
  now: Date;
  remindBeforeMs: number;
  unitName(unitId: string): string;
  personName(personId: string): string;
  /** A time in full (`2026-12-07 18:00`). */
  fullTime(at: Date): string;
  /** A time in a list or timeline (`12-07 18:00`, or `18:00` today). */
  shortTime(at: Date): string;
}

/** How much of a progress report, reason or result a part's field quotes. */
const MAX_QUOTE = 60;

function partLines(part: SupervisionPart, task: TaskWithParts, view: TaskCardView): string[] {
  const light = partLight(part, view.now, view.remindBeforeMs);
  const icon = light ? `${S.lightIcon[light]} ` : "";
  const status = partStatus(part, view.now);
  const lines = [M.partHead(icon, S.status[status], view.fullTime(part.dueAt))];
  if (part.extensions > 0) lines.push(M.extensions(part.extensions, view.fullTime(task.dueAt)));
  if (part.extensionDueAt && !part.closedAt)
    lines.push(
      M.extensionPending(view.fullTime(part.extensionDueAt), shorten(part.extensionReason ?? "", MAX_QUOTE)),
    );
  // 未签收 says more than 待签收 only when another state (逾期, …) heads the part.
  if (part.signedAt)
    lines.push(
      M.signedBy(part.signedBy ? view.personName(part.signedBy) : "", view.shortTime(part.signedAt)),
    );
  else if (status !== "unsigned") lines.push(M.unsigned);
  if (part.lastProgressAt && part.lastProgress)
    lines.push(M.lastProgress(view.shortTime(part.lastProgressAt), shorten(part.lastProgress, MAX_QUOTE)));
  if (part.closeRequestedAt && !part.closedAt)
    lines.push(
      M.closeRequested(view.shortTime(part.closeRequestedAt), shorten(part.closeResult ?? "", MAX_QUOTE)),
    );
  if (part.closedAt) lines.push(M.partClosed(view.shortTime(part.closedAt)));
  return lines;
}

export function taskCard(
  task: TaskWithParts,
  timeline: readonly TaskTimelineRow[],
  view: TaskCardView,
): Card {
  const open = task.status !== "closed";
  const light = open ? taskLight(task, view.now, view.remindBeforeMs) : null;
  const lines = taskTimelineLines(timeline, {
    unitName: view.unitName,
    personName: view.personName,
    time: view.shortTime,
  });
  const L = M.labels;
  const fields: CardField[] = [
    { label: L.content, value: task.content },
    { label: L.assigner, value: view.personName(task.assignerId) },
    { label: L.assignedAt, value: view.fullTime(task.createdAt) },
    { label: L.deadline, value: view.fullTime(task.dueAt) },
    ...(task.closedAt ? [{ label: L.closedAt, value: view.fullTime(task.closedAt) }] : []),
    ...task.parts.map((part) => ({
      label: M.unitLabel(view.unitName(part.unitId), S.role[part.role as PartRole] ?? part.role),
      value: partLines(part, task, view).join("\n"),
    })),
    { label: L.timeline, value: lines.length > 0 ? lines.join("\n") : M.timelineEmpty },
  ];
  return {
    title: M.cardTitle(S.heading(task.number), open ? M.taskOpen : M.taskClosed),
    tone: light === "red" ? "red" : light === "yellow" ? "yellow" : open ? "blue" : "grey",
    fields,
    buttons: [],
  };
}
