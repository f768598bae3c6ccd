/**
 * Where instruction messages go: the reporting unit's group and the duty groups get the instruction;
 * the leader hears back in the chat they gave it in, or else a leaders' group they are in, or else
 * one-to-one.
 */
import type { Directory } from "../../bot/core/directory.ts";
import { directChatId } from "../../bot/core/message.ts";
import type { Incident } from "../incident/incident-store.ts";
import { dutyChats, leaderChats, unitChat } from "../office/audience.ts";
import type { RelayTarget } from "./rules/relay-plan.ts";

/** The unit's group first (where the people asked usually are), then the duty groups. */
export function relayTargets(
  directory: Directory,
  incident: Pick<Incident, "unitId" | "chatId">,
): RelayTarget[] {
  return [unitChat(directory, incident), ...dutyChats(directory)].map((chatId) => ({
    chatId,
    members: directory.chat(chatId)?.members ?? [],
  }));
}

/** The unit's group only: chases go where the people asked are, not to the duty office again. */
export function chaseTargets(
  directory: Directory,
  incident: Pick<Incident, "unitId" | "chatId">,
): RelayTarget[] {
  const chatId = unitChat(directory, incident);
  return [{ chatId, members: directory.chat(chatId)?.members ?? [] }];
}

/**
 * Where the leader hears back about an instruction: the chat they gave it in (`givenIn`, from its
 * timeline entry) while they are still in it, else a leaders' group they are in, else one-to-one.
 */
export function leaderReplyChat(directory: Directory, leaderId: string, givenIn: string | null): string {
  if (givenIn && directory.canSpeakIn(leaderId, givenIn)) return givenIn;
  return (
    leaderChats(directory).find((id) => directory.chat(id)?.members.includes(leaderId)) ??
    directChatId(leaderId)
  );
}

/** The names of people ids, joined the Chinese way: 钱镇长、张三. */
export function namesOf(directory: Directory, ids: readonly string[]): string {
  return ids.map((id) => directory.personName(id)).join("、");
}
