/**
 * 已阅 on a 舆情 item (the alert's button, or `已阅 Y2026-0001`): by the leaders, the duty office and
 * the approvers; recorded once per person as a `read` step, and the chat is told who read it.
 */
import type { ConversationContext } from "../../../bot/core/context.ts";
import { formatLocalTime } from "../../office/time-format.ts";
import type { OpinionSetting } from "../opinion-parts.ts";
import { OpinionStore } from "../opinion-store.ts";
import type { OpinionItem } from "../opinion-types.ts";
import { oversightMessages as M } from "./messages.ts";
import { mayRead, readRoles } from "./oversight-roles.ts";

export async function readItem(
  ctx: ConversationContext,
  { rules, office }: OpinionSetting,
  item: OpinionItem,
) {
  const { person, services } = ctx;
  if (!mayRead(person, rules)) return ctx.reply(M.readNotAllowed(readRoles(rules)));
  if (item.status === "closed") return ctx.reply(M.itemClosed(item.number));
  const store = new OpinionStore(services.database);
  const earlier = (await store.eventsOf([item.id], ["read"])).find((e) => e.actorId === person.id);
  if (earlier)
    return ctx.reply(M.alreadyRead(item.number, person.name, formatLocalTime(earlier.at, office.timezone)));
  await store.addEvent(item.id, { kind: "read", at: services.clock.now(), actorId: person.id });
  await ctx.reply(M.read(item.number, person.name));
}
