/**
 * 收到: the reply that confirms an instruction on text platforms (`收到`, or `收到 2026-0042` when
 * several wait), and the 收到 button on instruction cards (`instr:receipt:<instruction id>`).
 */
import type { ActionHandler, Command } from "../../bot/core/capability.ts";
import type { ConversationContext } from "../../bot/core/context.ts";
import { isDirectChat, isSaidToBot } from "../../bot/core/message.ts";
import { instantToLocal } from "../../bot/core/wall-clock.ts";
import { incidentByNumberText } from "../incident/find-incident.ts";
import { parseIncidentNumber } from "../incident/rules/incident-number.ts";
import { clockOrFullTime } from "../office/time-format.ts";
import { confirmReceipts } from "./confirm-receipt.ts";
import { relayTargets } from "./instruction-audience.ts";
import { InstructionStore } from "./instruction-store.ts";
import { instructionMessages as M } from "./messages.ts";
import { decideReceipt } from "./rules/receipt-decision.ts";

/** `timezone`: the office's, in which numbers' years and times of receipt are read. */
export const receiptCommand = (timezone: string): Command => ({
  // People add punctuation: 收到！ 收到。 — the router matches the whole first word.
  names: ["收到", "已收到", "收到！", "收到!", "收到。", "/received"],
  heardWithoutMention: true,
  summary: M.receiptSummary,
  async run(ctx, args) {
    const { clock, database, directory } = ctx.services;
    const first = args.split(/\s+/)[0] ?? "";
    const year = instantToLocal(clock.now(), timezone).year;
    let number: string | null = null;
    if (first && parseIncidentNumber(first, year)) {
      const incident = await incidentByNumberText(ctx, first, timezone);
      if (!incident) return;
      if (incident.status !== "open") return ctx.reply(M.closedReceipt(incident.number));
      number = incident.number;
    }
    const store = new InstructionStore(database);
    const awaiting = isDirectChat(ctx.chat.id) ? [] : await store.awaiting();
    const decision = decideReceipt({
      mine: await store.receiptsOf(ctx.person.id),
      number,
      addressed: number !== null || isSaidToBot(ctx.event),
      awaitingHere: awaiting
        .filter((i) => relayTargets(directory, i.incident).some((t) => t.chatId === ctx.chat.id))
        .map((i) => ({ instructionId: i.id, number: i.incident.number })),
    });
    switch (decision.kind) {
      case "confirm":
        return confirmReceipts(ctx, decision.instructionIds, decision.number, timezone);
      case "choose":
        return ctx.reply(M.choose(decision.numbers));
      case "already":
        return ctx.reply(M.already(decision.number, when(ctx, decision.at, timezone)));
      case "not-listed":
        return ctx.reply(M.notListed(decision.number));
      case "nothing-pending":
        return ctx.reply(M.nothingPending);
      case "ignore":
        ctx.services.log.debug("a receipt in a group with nothing to confirm: left alone");
        return;
    }
  },
});

/** The 收到 button on an instruction card or a chase. */
export const receiptButtonHandler =
  (timezone: string): ActionHandler["run"] =>
  async (ctx, idText) => {
    const id = Number(idText);
    const instruction = Number.isInteger(id)
      ? await new InstructionStore(ctx.services.database).full(id)
      : null;
    if (!instruction) return ctx.reply(M.staleButton);
    const { number } = instruction.incident;
    if (instruction.incident.status !== "open") return ctx.reply(M.closedReceipt(number));
    const mine = instruction.receipts.find((r) => r.personId === ctx.person.id);
    if (!mine) return ctx.reply(M.notListed(number));
    if (mine.confirmedAt) return ctx.reply(M.already(number, when(ctx, mine.confirmedAt, timezone)));
    await confirmReceipts(ctx, [instruction.id], number, timezone);
  };

function when(ctx: ConversationContext, at: Date, timezone: string): string {
  return clockOrFullTime(at, ctx.services.clock.now(), timezone);
}
