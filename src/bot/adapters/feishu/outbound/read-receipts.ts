/**
 * Read receipts for alerts and instructions: Feishu pushes reads only for one-to-one chats, so the
 * messages the bot watches (cards and urgent messages of the last 7 days, not yet read by all) are
 * polled through `readUsers`, and who has read is kept in `SentMessage.readBy` (shown as 已读 3/5 in
 * 查询). A card whose stored state does not show the current count is patched in place, as it was
 * last shown otherwise: with new readers, and again on every poll after a patch that failed, even
 * when nobody else reads it. Polls and patches take their slots under Feishu's limits like sends.
 */
import type { Logger } from "pino";
import type { DatabaseClient } from "../../../core/services.ts";
import { stringList } from "../../../core/string-list.ts";
import { recordReaders, watchedMessages } from "../../common/read-poll.ts";
import type { FeishuApi } from "../client/feishu-api.ts";
import type { FeishuRate } from "../client/feishu-rate.ts";
import { FEISHU, type FeishuIdentity } from "../feishu-identity.ts";
import type { FeishuCard } from "./feishu-card.ts";
import { showsReadCount, withReadLine } from "./feishu-read-line.ts";
import { patchStoredCard, type SentRow } from "./stored-card.ts";

export async function pollReadReceipts(deps: {
  api: Pick<FeishuApi, "readUsers" | "patch">;
  identity: FeishuIdentity;
  prisma: DatabaseClient;
  rate: FeishuRate;
  log: Logger;
  now: Date;
}): Promise<number> {
  const { prisma, api, identity, rate, log, now } = deps;
  const rows = await watchedMessages(prisma, FEISHU, now);
  let updated = 0;
  for (const row of rows) {
    const recipients = stringList(row.recipients);
    const readBy = stringList(row.readBy);
    if (recipients.length === 0) continue;
    try {
      let read = readBy.length;
      if (!recipients.every((id) => readBy.includes(id))) {
        const openIds = await api.readUsers(row.platformMessageId, (request) => rate.forApp(request));
        const people = openIds.flatMap((openId) => identity.personOf(openId) ?? []);
        const next = await recordReaders(prisma, { id: row.id, recipients, readBy }, people, now);
        if (next.length !== readBy.length) updated += 1;
        read = next.length;
      }
      if (read > 0 && row.card && !showsReadCount(row.card as unknown as FeishuCard, read, recipients.length))
        await patchStoredCard(deps, row.id, withCurrentReadCount);
    } catch (error) {
      log.warn({ err: error, message: row.platformMessageId }, "feishu read receipts poll failed");
    }
  }
  return updated;
}

/** The stored card with the count as the row has it now (a newer state, an acknowledged alert, is kept). */
function withCurrentReadCount(row: SentRow): FeishuCard | undefined {
  if (!row.card) return undefined;
  const card = row.card as unknown as FeishuCard;
  const read = stringList(row.readBy).length;
  const total = stringList(row.recipients).length;
  return showsReadCount(card, read, total) ? undefined : withReadLine(card, read, total);
}
