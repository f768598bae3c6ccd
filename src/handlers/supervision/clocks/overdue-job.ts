/**
 * A 督办 round after the deadline: 【督办】 to the unit's director(s) one-to-one and in the unit's
 * group (mentioning its director(s) and reporters), to the duty group and to the assigner
 * one-to-one, 加急 to everyone it names; marks the part overdue (overdueAt on the first notice,
 * overdueNotices the round) and schedules the next round `overdue_every` later, until the part is
 * closed. Nothing when the deadline moved (an extension) or the round was done. A round that runs
 * late (the app was down) catches up: one notice for the latest round due, not one per missed day.
 * While 办结 waits for confirmation the round is passed over silently.
 */
import { z } from "zod";
import type { JobHandler } from "../../../bot/core/capability.ts";
import { directChatId } from "../../../bot/core/message.ts";
import type { TasksPolicy } from "../../../config/tasks-policy.ts";
import { dutyChats } from "../../office/audience.ts";
import { deadlineText } from "../../office/deadline-text.ts";
import type { Office } from "../../office/office.ts";
import { formatDurationZh } from "../../office/time-format.ts";
import { unitDirectors, unitGroupId, unitPeople } from "../../office/unit-reach.ts";
import { supervisionMessages } from "../messages.ts";
import { loadLivePart } from "./live-part.ts";
import { clockMessages as M } from "./messages.ts";
import { dueOverdueRound, SUPERVISION_JOBS, scheduleOverdueRound } from "./part-timers.ts";

const MINUTE = 60_000;

const schema = z.object({
  partId: z.number().int(),
  dueAt: z.iso.datetime(),
  round: z.number().int().min(1),
});

export const overdueJob = (rules: TasksPolicy, office: Office): JobHandler<typeof schema> => ({
  name: SUPERVISION_JOBS.overdue,
  label: M.overdueJobLabel,
  schema,
  async run(ctx, { partId, dueAt, round: scheduled }) {
    const live = await loadLivePart(ctx, partId, dueAt);
    if (!live) return;
    const { part, task, store } = live;
    if (part.overdueNotices >= scheduled) return;
    const { directory, clock, scheduler } = ctx.services;
    const now = clock.now();
    const round = Math.max(scheduled, dueOverdueRound(part.dueAt, now, rules));
    await scheduleOverdueRound(scheduler, rules, part, round + 1);
    const expect = { closedAt: null, dueAt: part.dueAt, overdueNotices: { lt: round } };
    if (part.closeRequestedAt) {
      await store.setPartIf(part.id, expect, { overdueNotices: round });
      return;
    }
    const deadline = deadlineText(part.dueAt, office.timezone);
    const lateMs = now.getTime() - part.dueAt.getTime();
    const late = lateMs < MINUTE ? null : formatDurationZh(lateMs);
    const toUnit = M.overdueToUnit(task.number, task.content, deadline, late);
    const toWatchers = M.overdueToWatchers(
      task.number,
      task.content,
      directory.unitName(part.unitId),
      supervisionMessages.role[part.role === "lead" ? "lead" : "assist"],
      deadline,
      late,
      round,
    );
    const group = unitGroupId(directory, part.unitId);
    if (group) {
      const here = directory.membersAmong(group, unitPeople(directory, part.unitId));
      await ctx.send(group, { text: toUnit, mentions: here, urgentTo: here });
    }
    const directors = unitDirectors(directory, part.unitId);
    const heads = directors.length > 0 ? directors : unitPeople(directory, part.unitId);
    for (const head of heads)
      await ctx.send(directChatId(head), { text: toUnit, mentions: [head], urgentTo: [head] });
    for (const chatId of dutyChats(directory)) await ctx.send(chatId, { text: toWatchers });
    if (!heads.includes(task.assignerId))
      await ctx.send(directChatId(task.assignerId), {
        text: toWatchers,
        mentions: [task.assignerId],
        urgentTo: [task.assignerId],
      });
    await store.updatePartIf(
      part.id,
      expect,
      { overdueNotices: round, overdueAt: part.overdueAt ?? now },
      {
        kind: "overdue",
        at: now,
        actorId: null,
        detail: { round, dueAt: part.dueAt.toISOString(), to: [...heads, task.assignerId] },
      },
    );
  },
});
