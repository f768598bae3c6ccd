/**
 * Read receipts for alerts and instructions: Feishu pushes reads only for one-to-one chats, so the
 * messages the bot watches (cards and urgent messages of the last 7 days, not yet read by all) are
 * polled through `readUsers`, and who has read is kept in `SentMessage.readBy` (shown as 已读 3/5 in
 * 查询). A card with new readers is patched in place to show the count, as it was last shown otherwise.
 */
import type { Logger } from "pino";
import type { DatabaseClient } from "../../core/services.ts";
import type { FeishuApi } from "./feishu-api.ts";
import type { FeishuCard } from "./feishu-card.ts";
import { FEISHU, type FeishuIdentity } from "./feishu-identity.ts";
import { withReadLine } from "./feishu-read-line.ts";

const WEEK_MS = 7 * 86_400_000;

export async function pollReadReceipts(deps: {
  api: Pick<FeishuApi, "readUsers" | "patch">;
  identity: FeishuIdentity;
  prisma: DatabaseClient;
  log: Logger;
  now: Date;
}): Promise<number> {
  const { prisma, api, identity, log, now } = deps;
  const rows = await prisma.sentMessage.findMany({
    where: { platform: FEISHU, sentAt: { gte: new Date(now.getTime() - WEEK_MS) } },
    orderBy: { readCheckedAt: { sort: "asc", nulls: "first" } },
    take: 200,
  });
  let updated = 0;
  for (const row of rows) {
    const recipients = (row.recipients as string[]) ?? [];
    const readBy = (row.readBy as string[]) ?? [];
    if (recipients.length === 0 || recipients.every((id) => readBy.includes(id))) continue;
    try {
      const openIds = await api.readUsers(row.platformMessageId);
      const people = openIds.flatMap((openId) => identity.personOf(openId) ?? []);
      const next = recipients.filter((id) => readBy.includes(id) || people.includes(id));
      await prisma.sentMessage.update({ where: { id: row.id }, data: { readBy: next, readCheckedAt: now } });
      if (next.length === readBy.length) continue;
      updated += 1;
      await showReadCount(deps, row.id, next.length, recipients.length);
    } catch (error) {
      log.warn({ err: error, message: row.platformMessageId }, "feishu read receipts poll failed");
    }
  }
  return updated;
}

/** Patches 已读 n/m into a card, read again just before so a newer state (an acknowledged alert) is kept. */
async function showReadCount(
  deps: { api: Pick<FeishuApi, "patch">; prisma: DatabaseClient },
  rowId: number,
  read: number,
  total: number,
): Promise<void> {
  const row = await deps.prisma.sentMessage.findUnique({ where: { id: rowId } });
  if (!row?.card) return;
  const card = withReadLine(row.card as unknown as FeishuCard, read, total);
  await deps.api.patch(row.platformMessageId, JSON.stringify(card));
  await deps.prisma.sentMessage.update({ where: { id: rowId }, data: { card: card as object } });
}
