/** Where incident messages go: the duty and leaders' groups (the alert's audience) and the reporting unit's group. */
import type { Directory, GroupPurpose } from "../../bot/core/directory.ts";
import { directChatId } from "../../bot/core/message.ts";

function chatsWithPurpose(directory: Directory, ...purposes: GroupPurpose[]): string[] {
  return directory.groupsWithPurpose(...purposes).map((c) => c.id);
}

/** The duty groups and the leaders' groups: every alert, escalation, instruction and report goes there. */
export function alertChats(directory: Directory): string[] {
  return chatsWithPurpose(directory, "duty", "leaders");
}

export function dutyChats(directory: Directory): string[] {
  return chatsWithPurpose(directory, "duty");
}

export function leaderChats(directory: Directory): string[] {
  return chatsWithPurpose(directory, "leaders");
}

/** The unit's work group (purpose `unit`), if the org file has one. */
export function unitGroupOf(directory: Directory, unitId: string): string | undefined {
  return directory.groupsWithPurpose("unit").find((c) => c.group?.unit === unitId)?.id;
}

/** The reporting unit's work group, or the chat the incident was reported in. */
export function unitChat(directory: Directory, incident: { unitId: string; chatId: string }): string {
  return unitGroupOf(directory, incident.unitId) ?? incident.chatId;
}

/**
 * Chats that reach `people`: the alert groups they are members of, and a one-to-one chat for anyone
 * none of those groups holds.
 */
export function chatsReaching(directory: Directory, people: readonly string[]): string[] {
  const groups = alertChats(directory).filter((id) =>
    directory.chat(id)?.members.some((m) => people.includes(m)),
  );
  const covered = new Set(groups.flatMap((id) => directory.chat(id)?.members ?? []));
  return [...groups, ...people.filter((p) => !covered.has(p)).map((p) => directChatId(p))];
}
