/**
 * 批示 on a 舆情 item: by `instruct_roles` only; recorded as an `instructed` step with its text
 * (once per submission: a confirm pressed twice gives one), then relayed as
 * `【批示】Y2026-0001 李书记：<内容>` to the responsible unit, its people mentioned, and the duty groups.
 */
import type { ConversationContext } from "../../../bot/core/context.ts";
import { Outbox } from "../../../bot/core/outbox.ts";
import { dutyChats } from "../../office/audience.ts";
import type { OpinionSetting } from "../opinion-parts.ts";
import { OpinionStore } from "../opinion-store.ts";
import type { OpinionItem } from "../opinion-types.ts";
import { itemNotices } from "./item-notices.ts";
import { oversightMessages as M } from "./messages.ts";
import { mayInstruct } from "./oversight-roles.ts";

/** Why the person may not give a 批示 on the item now; null when they may. */
export function instructRefusal(
  ctx: ConversationContext,
  { rules }: OpinionSetting,
  item: Pick<OpinionItem, "number" | "status">,
): string | null {
  if (!mayInstruct(ctx.person, rules)) return M.instructNotAllowed(rules.instruct_roles);
  return item.status === "closed" ? M.itemClosed(item.number) : null;
}

/** The chats a 批示 on the item reaches. */
export function instructNotices(ctx: ConversationContext, item: OpinionItem, text: string) {
  const { directory } = ctx.services;
  return itemNotices(
    directory,
    item.unitId,
    M.instruction(item.number, ctx.person.name, text),
    dutyChats(directory),
  );
}

/** Files the 批示 under `sourceKey` (once) and relays it, or says why not. */
export async function instructItem(
  ctx: ConversationContext,
  setting: OpinionSetting,
  item: OpinionItem,
  text: string,
  sourceKey: string,
): Promise<void> {
  const refusal = instructRefusal(ctx, setting, item);
  if (refusal) return ctx.reply(refusal);
  const { database, directory, clock } = ctx.services;
  const store = new OpinionStore(database);
  const filed = (await store.eventsOf([item.id], ["instructed"])).some(
    (e) => (e.detail as { sourceKey?: string } | null)?.sourceKey === sourceKey,
  );
  if (!filed)
    await store.addEvent(item.id, {
      kind: "instructed",
      at: clock.now(),
      actorId: ctx.person.id,
      detail: { text, sourceKey },
    });
  const notices = instructNotices(ctx, item, text);
  // Keyed by the submission: a second confirm (or a redelivery) relays nothing twice.
  const relay = new Outbox(ctx.services.messenger, `opinion-instruct-${sourceKey}`);
  for (const notice of notices) await relay.send(notice.chatId, notice.say, { key: notice.chatId });
  await ctx.reply(
    M.instructRelayed(item.number, notices.map((n) => directory.chatName(n.chatId)).join("、")),
  );
}
