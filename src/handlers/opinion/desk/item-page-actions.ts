/**
 * What a viewer may do on a 舆情 item's page now, each as the chat does it: 已阅 (the alert's
 * button; leaders, the duty office and the approvers, once each), 批示 (typed, the text asked
 * first; `instruct_roles`), 同意发布 (the review card's button, while a 口径 waits; `approve_roles`),
 * 办结 (the button; `close_roles` and the approvers), and the responsible unit's 签收 (its button,
 * until signed). None on a closed item. Pure: the item, who already read it, the viewer and the
 * rules are inputs.
 */
import type { DeskAction } from "../../../bot/core/desk.ts";
import type { OpinionPolicy } from "../../../config/opinion-policy.ts";
import type { Person } from "../../../config/org.ts";
import { mayTake, stateRefusal } from "../answer/answer-rules.ts";
import { opinionMessages as O } from "../messages.ts";
import { type OpinionAction, opinionActionValue } from "../opinion-actions.ts";
import type { OpinionItem } from "../opinion-types.ts";
import { mayClose, mayInstruct, mayRead } from "../oversight/oversight-roles.ts";
import { opinionDeskMessages as M } from "./messages.ts";

export function itemActions(
  item: OpinionItem,
  readBy: readonly string[],
  viewer: Person,
  rules: OpinionPolicy,
  chatId: string,
): DeskAction[] {
  if (item.status === "closed") return [];
  const press = (action: OpinionAction & keyof typeof O.buttons): DeskAction => ({
    id: action,
    label: O.buttons[action],
    chatId,
    press: opinionActionValue(action, item.id),
  });
  const actions: DeskAction[] = [];
  if (mayRead(viewer, rules) && !readBy.includes(viewer.id)) actions.push(press("read"));
  if (mayInstruct(viewer, rules))
    actions.push({
      id: "instruct",
      label: O.buttons.instruct,
      chatId,
      say: M.instructSay(item.number),
      ask: M.instructAsk,
    });
  if (mayTake("approve", viewer, item.unitId, rules) && stateRefusal("approve", item) === null)
    actions.push(press("approve"));
  if (mayTake("sign", viewer, item.unitId, rules) && stateRefusal("sign", item) === null)
    actions.push(press("sign"));
  if (mayClose(viewer, rules)) actions.push(press("close"));
  return actions;
}
