/**
 * The cards a unit's request brings the assigner one to one: 【延期申请】 with 同意延期 / 不同意, and
 * 【办结申请】 with 确认办结 / 退回, each button for that unit's part.
 */
import type { Directory } from "../../../bot/core/directory.ts";
import type { Card, CardField } from "../../../bot/core/message.ts";
import { deadlineText } from "../../office/deadline-text.ts";
import { supervisionMessages as S } from "../messages.ts";
import { partActionValue } from "../task-actions.ts";
import type { SupervisionPart, SupervisionTask } from "../task-types.ts";
import { actionMessages as M } from "./messages.ts";

/** A unit's 申请延期 to `dueAt` for `reason`, by `applicantId`. */
export function extensionCard(
  directory: Directory,
  timezone: string,
  task: Pick<SupervisionTask, "number" | "content">,
  part: Pick<SupervisionPart, "id" | "unitId" | "dueAt">,
  request: { applicantId: string; dueAt: Date; reason: string },
): Card {
  return {
    title: M.extensionCardTitle(task.number),
    tone: "yellow",
    fields: [
      ...requestFields(directory, timezone, task, part, request.applicantId),
      { label: M.requestedDueLabel, value: deadlineText(request.dueAt, timezone) },
      { label: M.reasonLabel, value: request.reason },
    ],
    buttons: [
      { label: S.buttons.grant, action: partActionValue("grant", part.id) },
      { label: S.buttons.refuse, action: partActionValue("refuse", part.id) },
    ],
    note: M.extensionCardNote,
    typedReplies: M.extensionTypedReplies(task.number),
  };
}

/** A unit's 申请办结 with its `result`, by `applicantId`. */
export function closeCard(
  directory: Directory,
  timezone: string,
  task: Pick<SupervisionTask, "number" | "content">,
  part: Pick<SupervisionPart, "id" | "unitId" | "dueAt">,
  request: { applicantId: string; result: string },
): Card {
  return {
    title: M.closeCardTitle(task.number),
    tone: "blue",
    fields: [
      ...requestFields(directory, timezone, task, part, request.applicantId),
      { label: M.resultLabel, value: request.result },
    ],
    buttons: [
      { label: S.buttons.confirm, action: partActionValue("confirm", part.id) },
      { label: S.buttons.return, action: partActionValue("return", part.id) },
    ],
    note: M.closeCardNote,
    typedReplies: M.closeTypedReplies(task.number),
  };
}

/** What both requests show first: the task, the unit, who asks, the deadline now. */
function requestFields(
  directory: Directory,
  timezone: string,
  task: Pick<SupervisionTask, "content">,
  part: Pick<SupervisionPart, "unitId" | "dueAt">,
  applicantId: string,
): CardField[] {
  return [
    { label: M.taskLabel, value: task.content },
    { label: M.unitLabel, value: directory.unitName(part.unitId) },
    { label: M.applicantLabel, value: directory.personName(applicantId) },
    { label: M.currentDueLabel, value: deadlineText(part.dueAt, timezone) },
  ];
}
