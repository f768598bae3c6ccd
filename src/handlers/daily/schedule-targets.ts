/**
 * The chats a scheduled reminder goes to: the groups it names, one-to-one chats of the people with
 * the roles it names, or every group when it names neither; paused chats are left out.
 */

import { directChatId } from "../../bot/core/message.ts";
import type { BotServices } from "../../bot/core/services.ts";
import type { Role } from "../../config/org.ts";
import { pausedChats } from "./pause-store.ts";

export async function scheduleTargets(
  services: Pick<BotServices, "directory" | "database">,
  target: { chats?: string[]; roles?: Role[] },
  now: Date,
): Promise<string[]> {
  const { directory } = services;
  const chats =
    target.chats === undefined && target.roles === undefined
      ? directory.groups().map((c) => c.id)
      : [...(target.chats ?? []), ...directory.withRole(target.roles ?? []).map((p) => directChatId(p.id))];
  const paused = await pausedChats(services.database, chats, now);
  return [...new Set(chats)].filter((c) => !paused.has(c));
}
