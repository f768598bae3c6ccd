/**
 * What a desk action does, from the action as the item page offers it to this viewer and the
 * text typed: a press of the button's value, or a command said in the action's chat (with an @ to
 * the bot in a group, as the console page sends mentions). Pure: the route hands the result to
 * the console's inbox.
 */
import type { DeskAction } from "../../bot/core/desk.ts";
import { isDirectChat } from "../../bot/core/message.ts";
import { DeskRequestError } from "./desk-error.ts";
import { deskTexts as T } from "./desk-texts.ts";

export const MAX_ACTION_TEXT = 2000;

export type DeskActionInput = { kind: "press"; value: string } | { kind: "say"; text: string };

export function deskActionInput(
  action: DeskAction,
  typed: string | undefined,
  botName: string,
): DeskActionInput {
  const text = typed?.trim() ?? "";
  if (action.ask && text === "") throw new DeskRequestError(400, T.textMissing(action.ask.label), "text");
  if (text.length > MAX_ACTION_TEXT) throw new DeskRequestError(400, T.textTooLong, "text");
  if (action.press) return { kind: "press", value: action.press };
  if (!action.say) throw new DeskRequestError(404, T.unknownAction, "actionId");
  const said = action.say.replaceAll("{text}", text);
  return { kind: "say", text: isDirectChat(action.chatId) ? said : `@${botName} ${said}` };
}
