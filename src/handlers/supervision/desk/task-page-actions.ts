/**
 * What a viewer may do on a 督办 task's page now, each as the chat does it: the assigner (or
 * `close_roles`) answers a unit's pending request — 同意延期 / 不同意 (the request card's buttons),
 * 确认办结 (its button) and 退回 (typed, with the reason asked first); the unit's own people 签收 (the
 * task card's button, until signed) and 反馈 (typed, with the progress asked first). Each is done in
 * `chatId`. Pure: the task, the viewer and the rules are inputs.
 */
import type { DeskAction } from "../../../bot/core/desk.ts";
import type { Person } from "../../../config/org.ts";
import type { TasksPolicy } from "../../../config/tasks-policy.ts";
import { actsForUnit, answersFor } from "../actions/part-people.ts";
import { supervisionMessages as S } from "../messages.ts";
import { partActionValue } from "../task-actions.ts";
import type { SupervisionPart, TaskWithParts } from "../task-types.ts";
import { taskDeskMessages as M } from "./messages.ts";

export function taskActions(
  task: TaskWithParts,
  viewer: Person,
  rules: Pick<TasksPolicy, "close_roles">,
  chatId: string,
  unitName: (unitId: string) => string,
): DeskAction[] {
  const open = task.parts.filter((p) => !p.closedAt);
  const several = task.parts.length > 1;
  const label = (text: string, part: SupervisionPart) =>
    several ? M.actionLabel(text, unitName(part.unitId)) : text;
  const press = (id: "grant" | "refuse" | "confirm" | "sign", part: SupervisionPart): DeskAction => ({
    id: `${id}-${part.id}`,
    label: label(S.buttons[id], part),
    chatId,
    press: partActionValue(id, part.id),
  });
  const actions: DeskAction[] = [];
  if (answersFor(viewer, task, rules))
    for (const part of open) {
      if (part.extensionDueAt) actions.push(press("grant", part), press("refuse", part));
      if (part.closeRequestedAt)
        actions.push(press("confirm", part), {
          id: `return-${part.id}`,
          label: label(S.buttons.return, part),
          chatId,
          say: M.say.return(task.number, unitName(part.unitId)),
          ask: M.ask.return,
        });
    }
  for (const part of open) {
    if (!actsForUnit(viewer, part.unitId)) continue;
    if (!part.signedAt) actions.push(press("sign", part));
    actions.push({
      id: `progress-${part.id}`,
      label: S.buttons.progress,
      chatId,
      say: M.say.progress(task.number),
      ask: M.ask.progress,
    });
  }
  return actions;
}
