/**
 * Posts a filed instruction to the reporting unit's group and the duty groups, mentioning the
 * people asked to confirm (one-to-one for anyone none of those groups holds), and a copy to the
 * leaders' groups; the duty and leaders' cards carry 转督办. Every send is keyed
 * by this job, so a job that runs again after a crash posts exactly once. Once posted, `relayedAt`
 * says so, and a timer rebuild leaves the relay alone.
 */
import { z } from "zod";
import type { JobHandler } from "../../../bot/core/capability.ts";
import type { IncidentPolicy } from "../../../config/policy.ts";
import { dutyChats, leaderChats } from "../../office/audience.ts";
import { relayTargets } from "../instruction-audience.ts";
import { instructionCard } from "../instruction-card.ts";
import { INSTRUCTION_JOBS } from "../instruction-schedule.ts";
import { instructionMessages } from "../messages.ts";
import { inRankOrder } from "../rules/receipt-people.ts";
import { relayPlan } from "../rules/relay-plan.ts";
import { loadLiveInstruction } from "./live-instruction.ts";

const schema = z.object({ instructionId: z.number().int() });

export const relayJob = (rules: IncidentPolicy | undefined): JobHandler<typeof schema> => ({
  name: INSTRUCTION_JOBS.relay,
  label: instructionMessages.relayJobLabel,
  schema,
  async run(ctx, { instructionId }) {
    const live = await loadLiveInstruction(ctx, rules, instructionId);
    if (!live) return;
    const { instruction, policy } = live;
    const { directory } = ctx.services;
    const asked = inRankOrder(
      instruction.receipts.map((r) => r.personId),
      directory.people(),
    );
    const plan = relayPlan(relayTargets(directory, instruction.incident), asked);
    const askedIn = plan.filter((d) => d.ask).map((d) => d.chatId);
    // The duty office's and the leaders' copies carry 转督办; the leaders' group gets one too.
    const convertibleIn = new Set([...dutyChats(directory), ...leaderChats(directory)]);
    const copies = leaderChats(directory)
      .filter((chatId) => !plan.some((d) => d.chatId === chatId))
      .map((chatId) => ({ chatId, mentions: [] as string[], ask: false }));
    for (const delivery of [...plan, ...copies]) {
      const card = instructionCard(instruction, instruction.incident, {
        ask: delivery.mentions,
        copyOf: askedIn,
        policy,
        directory,
        convertible: convertibleIn.has(delivery.chatId),
      });
      await ctx.send(delivery.chatId, { card, mentions: delivery.mentions });
    }
    await ctx.services.database.instruction.updateMany({
      where: { id: instruction.id, relayedAt: null },
      data: { relayedAt: ctx.services.clock.now() },
    });
  },
});
