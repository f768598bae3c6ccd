/**
 * THE TASK CARD a unit receives: 【督办】D2026-0001, the content, 交办人, 期限, its role (牵头/配合)
 * and the other units, with 签收, 反馈, 申请延期, 申请办结. Pure: everything is an input.
 */
import type { Directory } from "../../../bot/core/directory.ts";
import type { Card, CardField } from "../../../bot/core/message.ts";
import { formatLocalTime } from "../../office/time-format.ts";
import { supervisionMessages as S } from "../messages.ts";
import { type PartAction, partActionValue } from "../task-actions.ts";
import type { PartRole, SupervisionPart, TaskWithParts } from "../task-types.ts";
import { assignMessages as M } from "./messages.ts";

const CARD_ACTIONS = ["sign", "progress", "extend", "close"] as const satisfies readonly PartAction[];
const LABELS: Record<(typeof CARD_ACTIONS)[number], string> = {
  sign: S.buttons.sign,
  progress: S.buttons.progress,
  extend: S.buttons.extend,
  close: S.buttons.close,
};

/** `李书记（县委书记）` */
export function assignerLabel(directory: Directory, personId: string): string {
  const person = directory.person(personId);
  if (!person) return personId;
  return person.title ? `${person.name}（${person.title}）` : person.name;
}

/** The card for `part` of `task` (its deadline: the part's, which an extension may have moved). */
export function taskCard(
  task: Pick<TaskWithParts, "number" | "content" | "assignerId" | "parts">,
  part: Pick<SupervisionPart, "id" | "unitId" | "role" | "dueAt">,
  directory: Directory,
  timeZone: string,
): Card {
  const role = part.role as PartRole;
  const others = task.parts.filter((p) => p.id !== part.id);
  const names = (role: PartRole) =>
    others
      .filter((p) => p.role === role)
      .map((p) => directory.unitName(p.unitId))
      .join("、");
  const lead = names("lead");
  const assist = names("assist");
  const fields: CardField[] = [
    { label: M.cardContent, value: task.content },
    { label: M.cardAssigner, value: assignerLabel(directory, task.assignerId) },
    { label: M.cardDue, value: formatLocalTime(part.dueAt, timeZone) },
    { label: M.cardRole, value: `${directory.unitName(part.unitId)}（${S.role[role]}）` },
    ...(lead ? [{ label: M.cardLead, value: lead }] : []),
    ...(assist ? [{ label: M.cardAssist, value: assist }] : []),
  ];
  return {
    title: S.heading(task.number),
    tone: "orange",
    fields,
    buttons: CARD_ACTIONS.map((action) => ({
      label: LABELS[action],
      action: partActionValue(action, part.id),
    })),
    note: M.cardNote,
    typedReplies: M.cardTyped(task.number),
  };
}
