/**
 * Urgent messages in `sent_message`: `recipients` are the people an urgent message waits for,
 * `read_by` those who replied, and each repetition is a row of its own (`<key>-repeat-<n>`), so
 * after a restart the repetitions go on for those still silent. Shared by the platforms that repeat
 * urgent messages (WeChat, WeCom), each under its own platform name.
 */
import type { DatabaseClient } from "../../core/services.ts";
import { stringList } from "../../core/string-list.ts";
import type { UrgentSettings, UrgentTrack } from "./urgent-repeater.ts";

const REPEAT_MARK = "-repeat-";

export function repeatKey(key: string, round: number): string {
  return `${key}${REPEAT_MARK}${round}`;
}

export async function recordReply(
  prisma: DatabaseClient,
  platform: string,
  key: string,
  personId: string,
): Promise<void> {
  const row = await prisma.sentMessage.findUnique({
    where: { platform_idempotencyKey: { platform, idempotencyKey: key } },
  });
  if (!row) return;
  const readBy = stringList(row.readBy);
  if (readBy.includes(personId)) return;
  await prisma.sentMessage.update({ where: { id: row.id }, data: { readBy: [...readBy, personId] } });
}

/** Urgent messages still within their repetitions, with who is still waited for. */
export async function openUrgentTracks(
  prisma: DatabaseClient,
  platform: string,
  settings: UrgentSettings,
  now: Date,
): Promise<UrgentTrack[]> {
  if (settings.repeatLimit === 0) return [];
  const since = new Date(now.getTime() - settings.repeatEveryMs * (settings.repeatLimit + 1));
  const rows = await prisma.sentMessage.findMany({
    where: { platform, sentAt: { gte: since } },
    orderBy: { sentAt: "asc" },
  });
  const keys = new Set(rows.map((r) => r.idempotencyKey));
  const tracks: UrgentTrack[] = [];
  for (const row of rows) {
    if (row.idempotencyKey.includes(REPEAT_MARK)) continue;
    const readBy = stringList(row.readBy);
    const waiting = stringList(row.recipients).filter((id) => !readBy.includes(id));
    if (waiting.length === 0) continue;
    let round = 0;
    while (keys.has(repeatKey(row.idempotencyKey, round + 1))) round += 1;
    tracks.push({
      key: row.idempotencyKey,
      chatId: row.chatId,
      head: "",
      waiting,
      round,
      sentAt: row.sentAt,
    });
  }
  return tracks;
}
