/**
 * What was sent under some key prefixes — an incident's alert and its escalations, an instruction's
 * relay — as the platforms that keep their sends record them (Feishu, WeChat): where, to whom, and
 * who has been seen reading it. Console sends are not recorded, so there it is empty.
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

/** The key prefixes of an incident's alert and of every escalation of it. */
export function alertPrefixes(incidentId: number): string[] {
  return [`${alertJobKey({ id: incidentId })}-`, ackCheckKeyPrefix(incidentId)];
}

/** Sent messages whose key starts with one of `prefixes`, oldest first. */
export async function sentUnder(
  prisma: BotServices["database"],
  prefixes: readonly string[],
): Promise<SentRecord[]> {
  const rows = await prisma.sentMessage.findMany({
    where: { OR: prefixes.map((prefix) => ({ idempotencyKey: { startsWith: prefix } })) },
    select: { idempotencyKey: true, chatId: true, recipients: true, readBy: true },
    orderBy: { id: "asc" },
  });
  return rows.map((row) => ({
    idempotencyKey: row.idempotencyKey,
    chatId: row.chatId,
    recipients: stringList(row.recipients),
    readBy: stringList(row.readBy),
  }));
}
