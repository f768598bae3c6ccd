/**
 * An escalation round once a stage (核实, 回应) passed its deadline undone: 【舆情超时】 to the
 * round's escalation level and to the responsible unit (see escalation-plan.ts), 加急 when the
 * item's level is urgent and from the second round on; the stage's notices count is bumped with an
 * `escalated` step (detail: stage, round, level, people), and the next round is scheduled
 * `escalate_every` later. Nothing once the stage is done, the item closed or gone, or the round was
 * sent. A round that runs late (the app was down) catches up: one notice for the latest round due,
 * not one per missed round.
 */
import { z } from "zod";
import type { JobHandler } from "../../../bot/core/capability.ts";
import type { Say } from "../../../bot/core/outbox.ts";
import { deadlineText } from "../../office/deadline-text.ts";
import { onDutyAt } from "../../office/on-duty.ts";
import { formatDurationZh } from "../../office/time-format.ts";
import type { Delivery } from "../../office/unit-reach.ts";
import { dueOverdueRound, noticesOf, OPINION_JOBS, scheduleOverdueRound } from "../item-timers.ts";
import type { OpinionSetting } from "../opinion-parts.ts";
import { stageDue } from "../rules/item-state.ts";
import { levelOf } from "../rules/opinion-level.ts";
import { escalationPlan } from "./escalation-plan.ts";
import { loadLiveStage } from "./live-item.ts";
import { clockMessages as M } from "./messages.ts";

const MINUTE = 60_000;

const schema = z.object({
  itemId: z.number().int(),
  stage: z.enum(["verify", "respond"]),
  round: z.number().int().min(1),
});

export const overdueJob = (setting: OpinionSetting): JobHandler<typeof schema> => ({
  name: OPINION_JOBS.overdue,
  label: M.overdueJobLabel,
  schema,
  async run(ctx, { itemId, stage, round: scheduled }) {
    const { rules, office, escalation } = setting;
    const live = await loadLiveStage(ctx, itemId, stage);
    if (!live) return;
    const { item, store } = live;
    if (noticesOf(item, stage) >= scheduled) return;
    const { directory, clock, scheduler } = ctx.services;
    const now = clock.now();
    const due = stageDue(item, stage);
    const round = Math.max(scheduled, dueOverdueRound(due, now, rules));
    await scheduleOverdueRound(scheduler, rules, item, stage, round + 1);
    const plan = escalationPlan({
      directory,
      escalation,
      round,
      unitId: item.unitId,
      onDuty: onDutyAt(office, directory, now),
      levelUrgent: levelOf(rules, item.levelId).urgent,
    });
    const deadline = deadlineText(due, office.timezone);
    const lateMs = now.getTime() - due.getTime();
    const late = lateMs < MINUTE ? null : formatDurationZh(lateMs);
    const say = (text: string, { mentions }: Delivery): Say => ({
      text,
      mentions,
      ...(plan.urgent && mentions.length > 0 ? { urgentTo: mentions } : {}),
    });
    const toUnit = M.overdueToUnit(stage, item.number, deadline, late);
    for (const d of plan.unit) await ctx.send(d.chatId, say(toUnit, d), { key: `r${round}-u-${d.chatId}` });
    const toWatchers = M.overdueToWatchers(
      stage,
      item.number,
      deadline,
      late,
      directory.unitName(item.unitId),
      round,
    );
    for (const d of plan.watchers)
      await ctx.send(d.chatId, say(toWatchers, d), { key: `r${round}-w-${d.chatId}` });
    const notices = stage === "verify" ? "verifyNotices" : "respondNotices";
    await store.updateIf(
      item.id,
      { [notices]: { lt: round } },
      { [notices]: round },
      {
        kind: "escalated",
        at: now,
        actorId: null,
        detail: { stage, round, level: plan.level, people: plan.people, dueAt: due.toISOString() },
      },
    );
  },
});
