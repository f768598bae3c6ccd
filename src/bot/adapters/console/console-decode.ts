/**
 * The console's requests → neutral events, as pure functions of the request body and the org
 * file: who speaks in which chat, whom the text mentions, which button was pressed. A request
 * that names an unknown chat, person, message or button is refused with the field at fault.
 */
import { z } from "zod";
import type { Directory } from "../../core/directory.ts";
import type { InboundEvent } from "../../core/message.ts";
import { int4, plainText } from "./console-fields.ts";
import type { ConsoleMessageDto } from "./console-message.ts";
import { ConsoleRequestError } from "./console-request-error.ts";
import { consoleTexts as T } from "./console-texts.ts";
import { findMentions } from "./mentions.ts";

export const CONSOLE_PLATFORM = "console";

const eventId = plainText("eventId", T.eventIdInvalid).pipe(z.string().max(200, T.eventIdInvalid)).optional();

/** POST /api/console/messages: say `text` in `chat` (ids or names); `sender` only in the demo. */
export const messageBody = z.object({
  chat: z.string().min(1, T.chatMissing),
  sender: z.string().min(1, T.senderMissing).optional(),
  text: plainText("text", T.textMissing),
  eventId,
});

/** POST /api/console/actions: press a button (its action or label) on a message of the chat. */
export const actionBody = z.object({
  chat: z.string().min(1, T.chatMissing),
  sender: z.string().min(1, T.senderMissing).optional(),
  messageId: int4(T.messageIdInvalid, 1),
  action: z.string().min(1, T.actionMissing),
  eventId,
});

/** What a person says, once the speaker is settled (the demo names them; sign-in proves them). */
export interface ConsoleSaid {
  chat: string;
  sender: string;
  text: string;
  eventId: string;
}

/** A button press, once the speaker is settled. */
export interface ConsolePressed {
  chat: string;
  sender: string;
  /** The console message the button is on. */
  messageId: number;
  /** The button's action or its label. */
  action: string;
  eventId: string;
}

/** The chat and person a request names, if the person may speak there. */
export function consoleSpeaker(directory: Directory, chatRef: string, senderRef: string) {
  const chat = directory.chat(chatRef);
  if (!chat) throw new ConsoleRequestError(404, T.unknownChat(chatRef), "chat");
  const person = directory.person(senderRef);
  if (!person) throw new ConsoleRequestError(403, T.unknownSender(senderRef), "sender");
  if (!directory.canSpeakIn(person.id, chat.id))
    throw new ConsoleRequestError(403, T.notMember(person.name, chat.name), "sender");
  return { chat, person };
}

export function decodeConsoleMessage(
  said: ConsoleSaid,
  directory: Directory,
  receivedAt: Date,
): InboundEvent {
  const { chat, person } = consoleSpeaker(directory, said.chat, said.sender);
  return {
    platform: CONSOLE_PLATFORM,
    eventId: said.eventId,
    chatId: chat.id,
    senderId: person.id,
    text: said.text,
    mentions: findMentions(said.text, directory),
    receivedAt,
  };
}

/** `target` is the message `pressed.messageId` names, as the history has it (undefined: none). */
export function decodeConsolePress(
  pressed: ConsolePressed,
  target: ConsoleMessageDto | undefined,
  directory: Directory,
  receivedAt: Date,
): InboundEvent {
  const { chat, person } = consoleSpeaker(directory, pressed.chat, pressed.sender);
  if (!target || target.chat !== chat.id) throw new ConsoleRequestError(404, T.unknownMessage, "messageId");
  const button = target.card?.buttons.find((b) => b.action === pressed.action || b.label === pressed.action);
  if (!button) throw new ConsoleRequestError(400, T.unknownAction, "action");
  return {
    platform: CONSOLE_PLATFORM,
    eventId: pressed.eventId,
    chatId: chat.id,
    senderId: person.id,
    text: "",
    mentions: [],
    action: { value: button.action, messageId: String(target.id) },
    receivedAt,
  };
}
