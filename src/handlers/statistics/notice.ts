/**
 * 通报: the monthly notice of late and missed reports, on demand (`通报 2026-10`, by leaders, duty
 * officers and directors) and on schedule (the `monthly-notice` job, about the previous month).
 */
import { z } from "zod";
import type { Command, JobHandler } from "../../bot/core/capability.ts";
import type { Card } from "../../bot/core/message.ts";
import type { BotServices } from "../../bot/core/services.ts";
import { localDay } from "../office/days.ts";
import { jobTargetChats, scheduledSendSchema } from "../office/target-chats.ts";
import { loadTaskStatistics } from "../supervision/queries/task-statistics.ts";
import { overdueNoticeField } from "../supervision/queries/task-statistics-fields.ts";
import { statisticsMessages as M } from "./messages.ts";
import { type MonthlyNoticeInput, monthlyNoticeCard } from "./monthly-notice.ts";
import { monthBefore, monthPeriod, type Period, type PeriodResult, parsePeriod } from "./period.ts";
import { reportingUnits } from "./reporting-units.ts";
import { loadStatisticsFacts } from "./statistics-facts.ts";
import { unitStatistics } from "./unit-statistics.ts";

export const MONTHLY_NOTICE_JOB = "monthly-notice";

/** The 通报 of a month as a card, with the facts it was built from (the .docx reuses both). */
export interface MonthlyNotice {
  card: Card;
  input: MonthlyNoticeInput;
}

export async function loadMonthlyNotice(services: BotServices, period: Period): Promise<MonthlyNotice> {
  const { database, directory } = services;
  const [facts, tasks] = await Promise.all([
    loadStatisticsFacts(database, period),
    loadTaskStatistics(database, period, services.clock.now()),
  ]);
  const units = reportingUnits(directory);
  const unitName = (id: string) => directory.unitName(id);
  const input = { periodLabel: period.label, units: unitStatistics(units, facts), facts, unitName };
  const card = monthlyNoticeCard(input);
  // The overdue 督办 tasks by unit, after the late and missed reports.
  return { card: { ...card, fields: [...card.fields, overdueNoticeField(units, tasks, unitName)] }, input };
}

export async function buildMonthlyNotice(services: BotServices, period: Period): Promise<Card> {
  return (await loadMonthlyNotice(services, period)).card;
}

/** The month a 通报 is asked about in `words` (`2026-10`, `2026年10月`); none: the month before `now`. */
export function noticePeriod(words: string, now: Date, timezone: string): PeriodResult {
  const text = words.trim();
  const parsed = text ? parsePeriod(text, now, timezone) : monthBefore(now, now, timezone);
  // A notice is about one month: 本周 or 今年 are statistics, not a 通报.
  return parsed.ok && parsed.period.kind !== "month" ? { ok: false, reason: "format" } : parsed;
}

/** `timezone`: the office's, in which months begin and end. */
export const noticeCommand = (timezone: string): Command => ({
  names: ["通报", "/notice"],
  summary: M.noticeSummary,
  roles: ["leader", "duty", "director"],
  async run(ctx, args) {
    const parsed = noticePeriod(args, ctx.services.clock.now(), timezone);
    if (!parsed.ok) return ctx.reply(parsed.reason === "future" ? M.futureMonth : M.badMonth);
    await ctx.reply({ card: await buildMonthlyNotice(ctx.services, parsed.period) });
  },
});

const noticeJobSchema = scheduledSendSchema.extend({
  /** `2026-10`; default: the month before the one the job is due in. */
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .optional(),
});

export const monthlyNoticeJob = (timezone: string): JobHandler<typeof noticeJobSchema> => ({
  name: MONTHLY_NOTICE_JOB,
  schema: noticeJobSchema,
  async run(ctx, data) {
    const { clock, log } = ctx.services;
    const now = clock.now();
    const due = data.dueAt ? new Date(data.dueAt) : now;
    const at = Number.isNaN(due.getTime()) ? now : due;
    const parsed = data.month
      ? monthPeriod(
          Number(data.month.slice(0, 4)),
          Number(data.month.slice(5)),
          localDay(now, timezone),
          timezone,
        )
      : monthBefore(at, now, timezone);
    if (!parsed.ok) {
      log.warn({ job: MONTHLY_NOTICE_JOB, month: data.month }, "monthly notice: month not valid or not over");
      return;
    }
    const chatIds = jobTargetChats(ctx, data.chats);
    const card = await buildMonthlyNotice(ctx.services, parsed.period);
    for (const chatId of chatIds) await ctx.send(chatId, { card });
  },
});
