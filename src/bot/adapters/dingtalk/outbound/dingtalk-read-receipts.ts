/**
 * Read status of alerts on DingTalk (已读 n/m in 查询): DingTalk pushes no reads, so the group
 * messages the bot watches (cards and urgent messages of the last 7 days, not yet read by all) are
 * polled through `groupMessages/query` by the processQueryKey the send returned, and who has read is
 * kept in `SentMessage.readBy`. A template card whose read line is behind is updated in place from
 * the card as stored, and stored only if no acknowledgement stored another meanwhile
 * (`cardVersion`); otherwise it is done again over that one, so a read count never brings back
 * buttons an acknowledgement removed. One-to-one messages are not polled (DingTalk's read status of
 * them is another API; one reader each). Polls and updates take their slots under the app's limit.
 */
import type { Logger } from "pino";
import type { DatabaseClient } from "../../../core/services.ts";
import { stringList } from "../../../core/string-list.ts";
import { recordReaders, watchedMessages } from "../../common/read-poll.ts";
import type { DingtalkApi } from "../client/dingtalk-api.ts";
import type { DingtalkRate } from "../client/dingtalk-rate.ts";
import { DINGTALK, type DingtalkIdentity } from "../dingtalk-identity.ts";
import { dingtalkTexts as T } from "../dingtalk-texts.ts";
import { withReadLine } from "./dingtalk-card.ts";
import type { StoredDingtalkCard } from "./dingtalk-sink.ts";

const MAX_TRIES = 5;

export interface ReadPollDeps {
  api: Pick<DingtalkApi, "readUsers" | "updateCard">;
  identity: DingtalkIdentity;
  prisma: DatabaseClient;
  rate: DingtalkRate;
  log: Logger;
  now: Date;
}

/** Polls once; resolves with how many messages gained readers. */
export async function pollDingtalkReads(deps: ReadPollDeps): Promise<number> {
  const { prisma, api, identity, rate, log, now } = deps;
  const rows = await watchedMessages(prisma, DINGTALK, now);
  let updated = 0;
  for (const row of rows) {
    const recipients = stringList(row.recipients);
    const readBy = stringList(row.readBy);
    const stored = (row.card ?? {}) as StoredDingtalkCard;
    const conversation = identity.conversationOf(row.chatId);
    if (!conversation || !stored.processQueryKey) continue;
    if (recipients.every((id) => readBy.includes(id))) continue;
    try {
      const userIds = await api.readUsers(conversation, stored.processQueryKey, (request) =>
        rate.forApp(request),
      );
      const people = userIds.flatMap((userId) => identity.personOf(userId) ?? []);
      const next = await recordReaders(prisma, { id: row.id, recipients, readBy }, people, now);
      if (next.length === readBy.length) continue;
      updated += 1;
      if (stored.params) await updateReadLine(deps, row.id);
    } catch (error) {
      log.warn({ err: error, message: row.platformMessageId }, "dingtalk read status poll failed");
    }
  }
  return updated;
}

/** The card's read line brought up to the row's count, over the card as last stored. */
async function updateReadLine(deps: ReadPollDeps, rowId: number): Promise<void> {
  const { prisma, api, rate } = deps;
  for (let attempt = 1; attempt <= MAX_TRIES; attempt++) {
    const row = await prisma.sentMessage.findUnique({ where: { id: rowId } });
    const stored = (row?.card ?? {}) as StoredDingtalkCard;
    if (!row || !stored.params) return;
    const line = T.readCount(stringList(row.readBy).length, stringList(row.recipients).length);
    const params = withReadLine(stored.params, line);
    await api.updateCard(row.platformMessageId, params, (request) => rate.forApp(request));
    const saved = await prisma.sentMessage.updateMany({
      where: { id: rowId, cardVersion: row.cardVersion },
      data: { card: { ...stored, params }, cardVersion: { increment: 1 } },
    });
    if (saved.count === 1) return;
  }
  throw new Error(`card of sent message ${rowId} kept changing under ${MAX_TRIES} updates`);
}
