/**
 * Reply codes: on platforms without buttons, the buttons of a card become short codes the person
 * types back (`7 已阅`). The code is issued when the card is sent and resolved when the reply
 * comes, possibly after a restart, so the store lives outside the process (Redis).
 */
import type { CardButton } from "../../core/message.ts";

/** What a reply code stands for: the card's buttons, in the chat the card was sent to. */
export interface ReplyCodeEntry {
  code: string;
  /** Org-file chat id the card was sent to; a code is valid only there. */
  chatId: string;
  /** The sent message's idempotency key (what a pressed button reports as its message). */
  messageKey: string;
  buttons: CardButton[];
}

export interface ReplyCodeStore {
  /** The code of a sent card: the same message key always gets the same code. */
  issue(chatId: string, messageKey: string, buttons: CardButton[]): Promise<string>;
  /** The entry of a code in a chat, or null when there is none (never issued, or expired). */
  resolve(chatId: string, code: string): Promise<ReplyCodeEntry | null>;
  /** The entry issued for a sent message, or null. */
  ofMessage(chatId: string, messageKey: string): Promise<ReplyCodeEntry | null>;
}
