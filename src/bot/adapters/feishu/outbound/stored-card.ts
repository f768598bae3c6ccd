/**
 * A card already sent is changed from two places that do not wait for each other: the sink (an
 * alert acknowledged: its new state, buttons gone) and the read poller (已读 n/m). Each computes
 * the new card from the row as stored, patches Feishu, then stores the card only if nobody stored
 * another one since it read the row (`cardVersion`). If somebody did, it reads the row again and
 * patches again over that card (at least with the stored card as it is, since its own patch may
 * have landed after the other one). So the last patch to land on Feishu is always computed from the
 * last card stored: a read count can never bring back buttons an acknowledgement removed.
 */
import type { DatabaseClient } from "../../../core/services.ts";
import type { FeishuApi } from "../client/feishu-api.ts";
import type { FeishuRate } from "../client/feishu-rate.ts";
import type { FeishuIdentity } from "../feishu-identity.ts";
import { feishuTarget } from "../feishu-target.ts";
import type { FeishuCard } from "./feishu-card.ts";

export type SentRow = NonNullable<Awaited<ReturnType<DatabaseClient["sentMessage"]["findUnique"]>>>;

/** Conflicts in a row with other patches of the same card before giving up (to be retried later). */
const MAX_TRIES = 5;

export interface CardPatchDeps {
  api: Pick<FeishuApi, "patch">;
  prisma: DatabaseClient;
  identity: FeishuIdentity;
  rate: FeishuRate;
}

/**
 * Patches the card of one sent message with `next(row)`, as explained above; `next` returning
 * undefined means there is nothing to change. Resolves true once a patch is shown and stored.
 */
export async function patchStoredCard(
  deps: CardPatchDeps,
  rowId: number,
  next: (row: SentRow) => FeishuCard | undefined,
): Promise<boolean> {
  const { api, prisma, identity, rate } = deps;
  let overwritten = false;
  for (let attempt = 1; attempt <= MAX_TRIES; attempt++) {
    const row = await prisma.sentMessage.findUnique({ where: { id: rowId } });
    if (!row) return false;
    const card =
      next(row) ?? (overwritten ? ((row.card as unknown as FeishuCard | null) ?? undefined) : undefined);
    if (!card) return false;
    const target = await feishuTarget(identity, row.chatId);
    await api.patch(row.platformMessageId, JSON.stringify(card), (request) =>
      target ? rate.forTarget(target.rateKey, request) : rate.forApp(request),
    );
    const stored = await prisma.sentMessage.updateMany({
      where: { id: rowId, cardVersion: row.cardVersion },
      data: { card: card as object, cardVersion: { increment: 1 } },
    });
    if (stored.count === 1) return true;
    overwritten = true;
  }
  throw new Error(`card of sent message ${rowId} kept changing under ${MAX_TRIES} patches`);
}
