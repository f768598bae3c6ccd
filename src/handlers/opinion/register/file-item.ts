/**
 * Files a confirmed 登记: the item put on file once per submission (its dues from the level and the
 * found time), the alert handed to its job and the clocks armed, and the registrant told the number
 * and the two deadlines.
 */
import type { ConversationContext } from "../../../bot/core/context.ts";
import { isDirectChat } from "../../../bot/core/message.ts";
import { instantToLocal } from "../../../bot/core/wall-clock.ts";
import { deadlineText } from "../../office/deadline-text.ts";
import { armItemTimers, scheduleAlert } from "../item-timers.ts";
import type { OpinionSetting } from "../opinion-parts.ts";
import { OpinionStore } from "../opinion-store.ts";
import { levelOf, opinionDues } from "../rules/opinion-level.ts";
import { registerMessages as M } from "./messages.ts";
import type { RegisterData } from "./register-data.ts";

export async function fileItem(
  ctx: ConversationContext,
  { rules, office }: OpinionSetting,
  data: RegisterData,
  submission: { id: string },
): Promise<void> {
  const { database, clock, scheduler, directory } = ctx.services;
  const now = clock.now();
  const foundAt = new Date(data.foundAt);
  const level = levelOf(rules, data.levelId);
  const { item, created } = await new OpinionStore(database).create({
    sourceKey: `dialog-${submission.id}`,
    source: data.source,
    link: data.link?.url ?? null,
    content: data.content,
    unitId: data.unitId,
    foundAt,
    reads: data.reach?.reads ?? null,
    reposts: data.reach?.reposts ?? null,
    comments: data.reach?.comments ?? null,
    levelId: level.id,
    registeredBy: ctx.person.id,
    chatId: ctx.chat.id,
    registeredAt: now,
    ...opinionDues(level, foundAt),
    year: instantToLocal(now, office.timezone).year,
  });
  // Confirmed again after a failure: an alert not yet sent is handed on again (its job sends once).
  if (!item.alertedAt && item.status === "open") await scheduleAlert(scheduler, item.id, now);
  if (created) await armItemTimers(scheduler, rules, item, now);
  const mentions = isDirectChat(ctx.chat.id) ? [] : [ctx.person.id];
  if (!created) return ctx.reply({ text: M.filedAlready(item.number), mentions });
  const text = M.filed(
    item.number,
    directory.unitName(item.unitId),
    deadlineText(item.verifyDueAt, office.timezone),
    deadlineText(item.respondDueAt, office.timezone),
  );
  await ctx.reply({ text, mentions });
}
