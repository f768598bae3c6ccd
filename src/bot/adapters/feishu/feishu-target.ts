/**
 * Where an org chat is on Feishu, and which limit a call there counts against: a group by its
 * Feishu chat id, a one-to-one chat by the person's open id. A miss re-reads the bindings first, so
 * a group bound (or a person found) by another process is reached without a restart.
 */
import { isDirectChat, personOfDirectChat } from "../../core/message.ts";
import type { FeishuIdentity } from "./feishu-identity.ts";

export interface FeishuTarget {
  receiveIdType: "chat_id" | "open_id";
  receiveId: string;
  /** The rate-limit key of the chat or person (see `FeishuRate.forTarget`). */
  rateKey: string;
}

export async function feishuTarget(
  identity: FeishuIdentity,
  chatId: string,
): Promise<FeishuTarget | undefined> {
  const known = knownTarget(identity, chatId);
  if (known) return known;
  await identity.refresh();
  return knownTarget(identity, chatId);
}

function knownTarget(identity: FeishuIdentity, chatId: string): FeishuTarget | undefined {
  if (isDirectChat(chatId)) {
    const openId = identity.openIdOf(personOfDirectChat(chatId));
    return openId
      ? { receiveIdType: "open_id", receiveId: openId, rateKey: `feishu:user:${openId}` }
      : undefined;
  }
  const feishuChat = identity.feishuChatOf(chatId);
  return feishuChat
    ? { receiveIdType: "chat_id", receiveId: feishuChat, rateKey: chatRateKey(feishuChat) }
    : undefined;
}

/** The rate-limit key of a Feishu group (by its chat id). */
export function chatRateKey(feishuChatId: string): string {
  return `feishu:chat:${feishuChatId}`;
}
