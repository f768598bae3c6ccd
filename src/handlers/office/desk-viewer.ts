/**
 * What the desk's fixed rules say about a viewer, the same for every capability: the chat a desk
 * action is done in (desk.ts DeskAction.chatId) — the leaders' group if they may speak there, else
 * the duty group, else their one-to-one chat with the bot —, and who may have the office's
 * documents (信息专报, 台账, 统计表, 通报): leaders, the duty office and admins.
 */
import type { Directory } from "../../bot/core/directory.ts";
import { directChatId } from "../../bot/core/message.ts";
import type { Person, Role } from "../../config/org.ts";
import { dutyChats, leaderChats } from "./audience.ts";

export function deskActionChat(directory: Directory, personId: string): string {
  const group = [...leaderChats(directory), ...dutyChats(directory)].find((id) =>
    directory.canSpeakIn(personId, id),
  );
  return group ?? directChatId(personId);
}

/** Roles that may have every document of the office (they list every unit). */
export const OFFICE_DOCUMENT_ROLES: readonly Role[] = ["leader", "duty", "admin"];

export function mayHaveOfficeDocuments(person: Pick<Person, "roles">): boolean {
  return person.roles.some((r) => OFFICE_DOCUMENT_ROLES.includes(r));
}
