/**
 * The chat a desk action is done in (DeskAction.chatId): the leaders' group when the person may
 * speak there, else the duty group, else their one-to-one chat with the bot, so what the bot
 * answers lands where the person reads it.
 */
import type { Directory } from "../../bot/core/directory.ts";
import { directChatId } from "../../bot/core/message.ts";
import { dutyChats, leaderChats } from "./audience.ts";

export function deskActionChat(directory: Directory, personId: string): string {
  const groups = [...leaderChats(directory), ...dutyChats(directory)];
  return groups.find((id) => directory.canSpeakIn(personId, id)) ?? directChatId(personId);
}
