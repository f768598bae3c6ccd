/**
 * Fires daily for every schedule entry (the recurrence is plain daily); checks the entry's day rule
 * on the local day it was due and, when it holds, runs the entry's job with the entry's data plus
 * `{ scheduleId, dueAt }`. The run is scheduled under a key derived from this occurrence, so a
 * retried tick never runs the job twice.
 */
import { z } from "zod";
import type { JobHandler } from "../../bot/core/capability.ts";
import { localDayString } from "../../bot/core/wall-clock.ts";
import { parseDayRule } from "../../config/day-rule.ts";
import { ROLES } from "../../config/org.ts";
import { dayRuleMatches } from "../office/day-rule-match.ts";

export const SCHEDULE_TICK_JOB = "schedule-tick";

/** The key the tick of occurrence `tickKey` (see `recurringRunKey`) runs the entry's job under. */
export function tickRunKey(tickKey: string): string {
  return `${tickKey}-run`;
}

const schema = z.object({
  scheduleId: z.string(),
  job: z.string(),
  days: z.array(z.string()),
  data: z.record(z.string(), z.unknown()).optional(),
  chats: z.array(z.string()).optional(),
  roles: z.array(z.enum(ROLES)).optional(),
  dueAt: z.iso.datetime({ offset: true }),
});

export type ScheduleTickData = Omit<z.input<typeof schema>, "dueAt">;

/** `timezone`: the office's, in which a tick's day is read. */
export const scheduleTickJob = (timezone: string): JobHandler<typeof schema> => ({
  name: SCHEDULE_TICK_JOB,
  schema,
  async run(ctx, tick) {
    const { scheduler, clock, log } = ctx.services;
    const rule = parseDayRule(tick.days);
    if (typeof rule === "string") {
      log.error({ scheduleId: tick.scheduleId, problem: rule }, "schedule has an invalid day rule");
      return;
    }
    const day = localDayString(new Date(tick.dueAt), timezone);
    if (!dayRuleMatches(rule, day)) return;
    await scheduler.schedule(tickRunKey(ctx.key), clock.now(), {
      name: tick.job,
      data: {
        ...tick.data,
        ...(tick.chats && { chats: tick.chats }),
        ...(tick.roles && { roles: tick.roles }),
        scheduleId: tick.scheduleId,
        dueAt: tick.dueAt,
      },
    });
  },
});
