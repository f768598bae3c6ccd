/**
 * 办结 of a 舆情 item (the button on the 已回应 notice, or `办结 Y2026-0001`): by `close_roles` (the
 * duty office) or `approve_roles`. Closes the item from open only, with its `closed` step, cancels
 * every clock, and tells the responsible unit and the duty and leaders' groups. Closing before
 * 已回应 is allowed (a rumour verified false needs no answer) and said so: 未回应即办结.
 */
import type { ConversationContext } from "../../../bot/core/context.ts";
import { alertChats } from "../../office/audience.ts";
import { formatLocalTime } from "../../office/time-format.ts";
import { cancelItemTimers } from "../item-timers.ts";
import type { OpinionSetting } from "../opinion-parts.ts";
import { OpinionStore } from "../opinion-store.ts";
import type { OpinionItem } from "../opinion-types.ts";
import { itemNotices } from "./item-notices.ts";
import { oversightMessages as M } from "./messages.ts";
import { closeRoles, mayClose } from "./oversight-roles.ts";

/** What a closed item answers a second 办结. */
function alreadyClosed(ctx: ConversationContext, timezone: string, item: OpinionItem): string {
  const { directory } = ctx.services;
  if (!item.closedAt || !item.closedBy) return M.itemClosed(item.number);
  return M.alreadyClosed(
    item.number,
    directory.personName(item.closedBy),
    formatLocalTime(item.closedAt, timezone),
  );
}

export async function closeItem(
  ctx: ConversationContext,
  { rules, office }: OpinionSetting,
  item: OpinionItem,
): Promise<void> {
  const { person, services } = ctx;
  if (!mayClose(person, rules)) return ctx.reply(M.closeNotAllowed(closeRoles(rules)));
  if (item.status === "closed") return ctx.reply(alreadyClosed(ctx, office.timezone, item));
  const store = new OpinionStore(services.database);
  const now = services.clock.now();
  const unanswered = item.respondedAt === null;
  const closed = await store.updateIf(
    item.id,
    { status: "open" },
    { status: "closed", closedAt: now, closedBy: person.id },
    { kind: "closed", at: now, actorId: person.id, detail: { unanswered } },
  );
  const current = (await store.byId(item.id)) ?? item;
  if (!closed) return ctx.reply(alreadyClosed(ctx, office.timezone, current));
  await cancelItemTimers(services.scheduler, current);
  const text = unanswered ? M.closedUnanswered(item.number, person.name) : M.closed(item.number, person.name);
  const notices = itemNotices(services.directory, item.unitId, text, alertChats(services.directory));
  for (const notice of notices) await ctx.send(notice.chatId, notice.say);
  if (!notices.some((n) => n.chatId === ctx.chat.id)) await ctx.reply(M.closedDone(item.number, unanswered));
}
