/**
 * Sends one message to each unit's contact chats, leaving out paused chats. A cut-off can miss
 * thousands of units, so sends go out a batch at a time rather than one after another; the outbox
 * numbers them in call order, so their idempotency keys stay the same on a retry.
 */
import type { JobContext } from "../../bot/core/context.ts";
import { pausedChats } from "./pause-store.ts";
import type { UnitContact } from "./unit-contacts.ts";

const BATCH = 32;

export async function remindUnits(
  ctx: JobContext,
  contacts: readonly UnitContact[],
  text: string,
  now: Date,
): Promise<void> {
  const paused = await pausedChats(
    ctx.services.database,
    contacts.flatMap((c) => c.chatIds),
    now,
  );
  const sends = contacts.flatMap((contact) =>
    contact.chatIds
      .filter((chatId) => !paused.has(chatId))
      .map((chatId) => ({
        chatId,
        mentions: ctx.services.directory.membersAmong(chatId, contact.reporters),
      })),
  );
  for (let i = 0; i < sends.length; i += BATCH)
    await Promise.all(
      sends.slice(i, i + BATCH).map((s) => ctx.send(s.chatId, { text, mentions: s.mentions })),
    );
}
