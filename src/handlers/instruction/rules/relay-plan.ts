/**
 * Where an instruction (or a chase) is posted and whom each post mentions: every target chat gets
 * it, mentioning those of `people` who are members and asking them for 收到; a target none of them
 * is in gets an information copy; anyone no target reaches gets it one-to-one. Pure.
 */
import { directChatId } from "../../../bot/core/message.ts";

/** A chat the instruction must reach, with its members. */
export interface RelayTarget {
  chatId: string;
  members: readonly string[];
}

/** One post to make. */
export interface RelayDelivery {
  chatId: string;
  /** People of the list in this chat, mentioned and asked to confirm. */
  mentions: string[];
  /** True when someone here must confirm: the post carries the 收到 button. */
  ask: boolean;
}

/** The posts for `people` (who must confirm) across `targets`, in target order, one-to-one chats last. */
export function relayPlan(targets: readonly RelayTarget[], people: readonly string[]): RelayDelivery[] {
  const deliveries: RelayDelivery[] = [];
  const seen = new Set<string>();
  const covered = new Set<string>();
  for (const target of targets) {
    if (seen.has(target.chatId)) continue;
    seen.add(target.chatId);
    const mentions = people.filter((p) => target.members.includes(p));
    for (const p of mentions) covered.add(p);
    deliveries.push({ chatId: target.chatId, mentions, ask: mentions.length > 0 });
  }
  for (const p of people) {
    if (covered.has(p)) continue;
    covered.add(p);
    const chatId = directChatId(p);
    if (!seen.has(chatId)) deliveries.push({ chatId, mentions: [p], ask: true });
  }
  return deliveries;
}
