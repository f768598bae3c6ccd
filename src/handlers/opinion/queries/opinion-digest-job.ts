/**
 * The `opinion-digest` job (the schedules file's 舆情日报): a card with the day's 舆情 figures — 新增,
 * 在办, 回应超时, and each unit's items registered that day with 核实按时 and 回应按时 — to the chats
 * its data names. The day runs from local midnight to the time the schedule was due, so a re-run
 * reads the same window; its sends are keyed from the job's key, so a re-run never posts twice.
 */
import type { JobHandler } from "../../../bot/core/capability.ts";
import { localDayString } from "../../../bot/core/wall-clock.ts";
import { localDay, startOfDay } from "../../office/days.ts";
import { jobTargetChats, scheduledSendSchema } from "../../office/target-chats.ts";
import { formatDayZh } from "../../office/time-format.ts";
import { OPINION_JOBS } from "../item-timers.ts";
import type { OpinionSetting } from "../opinion-parts.ts";
import { opinionDigestFields } from "./digest-section.ts";
import { itemStatistics, loadItemStatistics } from "./item-statistics.ts";
import { itemStatisticsField } from "./item-statistics-field.ts";
import { opinionQueryMessages as M } from "./messages.ts";

export function opinionDigestJob({ rules, office }: OpinionSetting): JobHandler<typeof scheduledSendSchema> {
  return {
    name: OPINION_JOBS.digest,
    label: M.dailyJobLabel,
    schema: scheduledSendSchema,
    async run(ctx, data) {
      const { database, directory, clock } = ctx.services;
      const tz = office.timezone;
      const due = data.dueAt ? new Date(data.dueAt) : undefined;
      const to = due && !Number.isNaN(due.getTime()) ? due : clock.now();
      const window = { from: startOfDay(localDay(to, tz), tz), to };
      // Every unit's items are in it: a unit's work group (its clerks) does not get one.
      const chatIds = jobTargetChats(ctx, data.chats, { withoutUnitGroups: true });
      const [fields, items] = await Promise.all([
        opinionDigestFields(ctx.services, rules, tz, window),
        loadItemStatistics(database, window),
      ]);
      // Units in the org file's order.
      const rows = itemStatistics(
        directory.org.units.map((u) => u.id),
        items,
      );
      const card = {
        title: M.dailyTitle(formatDayZh(localDayString(to, tz))),
        fields: [
          ...fields,
          itemStatisticsField(rows, (id) => directory.unitName(id), M.dailyStatisticsLabel),
        ],
        buttons: [],
        note: M.statisticsNote,
      };
      for (const chatId of chatIds) await ctx.send(chatId, { card });
    },
  };
}
