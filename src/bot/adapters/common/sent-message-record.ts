/**
 * Remembers a message a platform has posted (`sent_message`), once per platform and idempotency key:
 * a retried send finds the row and knows the post is already there. Every Feishu and WeChat post
 * writes one, so this is one plain `INSERT … ON CONFLICT DO NOTHING`: Prisma's `createMany` runs
 * its query compiler on every call, about 1 ms of the event loop per send in a profile of the
 * Feishu fan-out (108 ms for 100 sends).
 */
import type { Directory } from "../../core/directory.ts";
import type { OutboundMessage } from "../../core/message.ts";
import type { DatabaseClient } from "../../core/services.ts";

export interface SentMessageRow {
  platform: string;
  idempotencyKey: string;
  chatId: string;
  platformMessageId: string;
  /** Org-file ids of the people expected to read it. */
  recipients: readonly string[];
  /** The card as shown (platform JSON), where read counts may be patched in later. */
  card?: object;
  sentAt: Date;
}

/** True when the row is new; false when this platform had already recorded that key. */
export async function recordSentMessage(prisma: DatabaseClient, row: SentMessageRow): Promise<boolean> {
  const card = row.card === undefined ? null : JSON.stringify(row.card);
  const inserted = await prisma.$executeRaw`
    INSERT INTO sent_message (platform, idempotency_key, chat_id, platform_message_id, recipients, card, sent_at)
    VALUES (${row.platform}, ${row.idempotencyKey}, ${row.chatId}, ${row.platformMessageId},
            ${JSON.stringify(row.recipients)}::jsonb, ${card}::jsonb, ${row.sentAt})
    ON CONFLICT (platform, idempotency_key) DO NOTHING`;
  return inserted === 1;
}

/**
 * Records the main post of an outbound message. A card or an urgent message is watched: the chat's
 * members are expected to read it (read counts, 已读 n/m); a plain text is not.
 */
export function recordPost(
  prisma: DatabaseClient,
  directory: Directory,
  post: { platform: string; message: OutboundMessage; platformMessageId: string; card?: object },
): Promise<boolean> {
  const { platform, message, platformMessageId, card } = post;
  const chat = directory.chat(message.chatId);
  const watched = Boolean(message.card) || Boolean(message.urgentTo?.length);
  return recordSentMessage(prisma, {
    platform,
    idempotencyKey: message.idempotencyKey,
    chatId: message.chatId,
    platformMessageId,
    recipients: watched ? (chat?.members ?? []) : [],
    card,
    sentAt: new Date(),
  });
}
