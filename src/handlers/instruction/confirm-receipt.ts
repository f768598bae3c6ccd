/**
 * Recording a 收到: the receipt's time and a `confirmed` timeline entry, thanks in the chat, and
 * once everyone asked has confirmed, the leader is told (once) and the pending chase is dropped.
 */
import type { ConversationContext } from "../../bot/core/context.ts";
import type { Directory } from "../../bot/core/directory.ts";
import { IncidentStore } from "../incident/incident-store.ts";
import { clockOrFullTime } from "../office/time-format.ts";
import { leaderReplyChat, namesOf } from "./instruction-audience.ts";
import { chaseKey } from "./instruction-schedule.ts";
import { type FullInstruction, InstructionStore } from "./instruction-store.ts";
import { instructionMessages as M } from "./messages.ts";
import { inRankOrder } from "./rules/receipt-people.ts";

/** Confirms the person's receipts of these instructions (all about incident `number`); times shown in `timezone`. */
export async function confirmReceipts(
  ctx: ConversationContext,
  instructionIds: readonly number[],
  number: string,
  timezone: string,
): Promise<void> {
  const { database, clock, directory, scheduler } = ctx.services;
  const store = new InstructionStore(database);
  const incidents = new IncidentStore(database);
  const now = clock.now();
  for (const id of instructionIds) {
    const instruction = await store.full(id);
    if (instruction && (await store.confirm(id, ctx.person.id, now)))
      await incidents.record(instruction.incidentId, "confirmed", now, ctx.person.id, { instructionId: id });
  }
  const waiting = new Set<string>();
  const finished: FullInstruction[] = [];
  for (const id of instructionIds) {
    const instruction = await store.full(id);
    if (!instruction) continue;
    for (const r of instruction.receipts) if (!r.confirmedAt) waiting.add(r.personId);
    if (await store.completeIfAllConfirmed(id, now)) finished.push(instruction);
  }
  const thanks = M.thanks(ctx.person.name, number);
  await ctx.reply(
    waiting.size > 0
      ? `${thanks}${M.stillWaiting(namesOf(directory, inRankOrder([...waiting], directory.people())))}`
      : thanks,
  );
  for (const instruction of finished) {
    await scheduler.cancel(chaseKey(instruction.id, instruction.chaseCount + 1));
    const chatId = leaderReplyChat(directory, instruction.leaderId, await store.leaderChat(instruction));
    await ctx.send(chatId, {
      text: M.allConfirmed(number, whoConfirmed(instruction, directory, now, timezone)),
      mentions: [instruction.leaderId],
    });
  }
}

function whoConfirmed(
  instruction: FullInstruction,
  directory: Directory,
  now: Date,
  timeZone: string,
): string {
  return instruction.receipts
    .filter((r) => r.confirmedAt)
    .sort((a, b) => (a.confirmedAt as Date).getTime() - (b.confirmedAt as Date).getTime())
    .map(
      (r) =>
        `${namesOf(directory, [r.personId])}（${clockOrFullTime(r.confirmedAt as Date, now, timeZone)}）`,
    )
    .join("、");
}
