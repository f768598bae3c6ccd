/**
 * What was sent under some key prefixes — an incident's alert and its escalations, an instruction's
 * relay — as the platforms that keep their sends record them (Feishu, WeChat): where, to whom, and
 * who has been seen reading it; and as the console's history keeps them (where, nobody known to
 * have read), so a card shown only in the console is updated there too.
 */
import type { BotServices } from "../../bot/core/services.ts";
import { stringList } from "../../bot/core/string-list.ts";
import { ackCheckKeyPrefix, alertJobKey } from "./incident-schedule.ts";

export interface SentRecord {
  idempotencyKey: string;
  chatId: string;
  recipients: string[];
  readBy: string[];
}

const NO_ACK = "noack";

/**
 * The key (under the escalation job's) of a message that offers no 已阅 — to the reporting unit's
 * own people, or to those the policy does not let acknowledge: an acknowledgement edits it without buttons.
 */
export function noAckKey(index: number): string {
  return `${NO_ACK}-${index}`;
}

/** Whether a sent alert or escalation offered 已阅 (and so keeps 批示 and 要求续报 once acknowledged). */
export function offeredAcknowledge(record: Pick<SentRecord, "idempotencyKey">): boolean {
  return !record.idempotencyKey.includes(`-${NO_ACK}-`);
}

/** The key prefixes of an incident's alert and of every escalation of it. */
export function alertPrefixes(incidentId: number): string[] {
  return [`${alertJobKey({ id: incidentId })}-`, ackCheckKeyPrefix(incidentId)];
}

/** Sent messages whose key starts with one of `prefixes`, oldest first: the platforms' records, then the console's. */
export async function sentUnder(
  prisma: BotServices["database"],
  prefixes: readonly string[],
): Promise<SentRecord[]> {
  const where = { OR: prefixes.map((prefix) => ({ idempotencyKey: { startsWith: prefix } })) };
  const [rows, shown] = await Promise.all([
    prisma.sentMessage.findMany({
      where,
      select: { idempotencyKey: true, chatId: true, recipients: true, readBy: true },
      orderBy: { id: "asc" },
    }),
    prisma.consoleMessage.findMany({
      where,
      select: { idempotencyKey: true, chatId: true },
      orderBy: { id: "asc" },
    }),
  ]);
  return [
    ...rows.map((row) => ({
      idempotencyKey: row.idempotencyKey,
      chatId: row.chatId,
      recipients: stringList(row.recipients),
      readBy: stringList(row.readBy),
    })),
    ...shown.map((row) => ({
      idempotencyKey: row.idempotencyKey as string,
      chatId: row.chatId,
      recipients: [],
      readBy: [],
    })),
  ];
}
