/**
 * Chases an instruction `chase_after` after it was given, and again each `chase_after` up to
 * `chase_times` rounds: mentions only those who have not confirmed (加急 where the grade is urgent);
 * the round after the last tells the leader who still has not. Re-reads the instruction when it
 * fires and does nothing once everyone confirmed or the incident is closed.
 */
import { z } from "zod";
import type { JobHandler } from "../../../bot/core/capability.ts";
import type { IncidentPolicy } from "../../../config/policy.ts";
import { gradeOf } from "../../incident/incident-schedule.ts";
import { IncidentStore } from "../../incident/incident-store.ts";
import { formatDurationZh } from "../../office/time-format.ts";
import { chaseTargets, leaderReplyChat, namesOf } from "../instruction-audience.ts";
import { chaseCard } from "../instruction-card.ts";
import { INSTRUCTION_JOBS, scheduleChase } from "../instruction-schedule.ts";
import { instructionMessages as M } from "../messages.ts";
import { chaseStep } from "../rules/chase.ts";
import { inRankOrder } from "../rules/receipt-people.ts";
import { relayPlan } from "../rules/relay-plan.ts";
import { loadLiveInstruction } from "./live-instruction.ts";

const schema = z.object({ instructionId: z.number().int(), round: z.number().int().min(1) });

export const chaseJob = (rules: IncidentPolicy | undefined): JobHandler<typeof schema> => ({
  name: INSTRUCTION_JOBS.chase,
  label: M.chaseJobLabel,
  schema,
  async run(ctx, { instructionId, round }) {
    const live = await loadLiveInstruction(ctx, rules, instructionId);
    if (!live) return;
    const { instruction, store, policy } = live;
    if (instruction.completedAt || instruction.chaseCount >= round) return;
    const { directory, clock, scheduler } = ctx.services;
    const waiting = inRankOrder(
      instruction.receipts.filter((r) => !r.confirmedAt).map((r) => r.personId),
      directory.people(),
    );
    if (waiting.length === 0) return;
    const step = chaseStep(round, policy.instructions.chase_times);
    if (step === "none") return;
    const { incident } = instruction;
    const now = clock.now();
    const since = formatDurationZh(now.getTime() - instruction.createdAt.getTime());
    const incidents = new IncidentStore(ctx.services.database);
    if (step === "chase") {
      await scheduleChase(scheduler, policy, instruction, round + 1);
      const urgent = gradeOf(policy, incident.gradeId).urgent;
      const card = chaseCard(instruction, incident, { waiting, since, directory });
      for (const delivery of relayPlan(chaseTargets(directory, incident), waiting).filter((d) => d.ask))
        await ctx.send(delivery.chatId, {
          card,
          mentions: delivery.mentions,
          urgentTo: urgent ? delivery.mentions : [],
        });
      if (await store.markChased(instruction.id, round))
        await incidents.record(incident.id, "chased", now, null, { instructionId, round, people: waiting });
      return;
    }
    const confirmed = inRankOrder(
      instruction.receipts.filter((r) => r.confirmedAt).map((r) => r.personId),
      directory.people(),
    );
    const chatId = leaderReplyChat(directory, instruction.leaderId, await store.leaderChat(instruction));
    await ctx.send(chatId, {
      text: M.notConfirmedToLeader(
        incident.number,
        since,
        round - 1,
        namesOf(directory, waiting),
        namesOf(directory, confirmed),
      ),
      mentions: [instruction.leaderId],
    });
    if (await store.markChased(instruction.id, round))
      await incidents.record(incident.id, "reminded", now, null, {
        instructionId,
        to: instruction.leaderId,
        unconfirmed: waiting,
      });
  },
});
