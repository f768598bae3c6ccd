/**
 * `台账 <word>` for a capability's year ledger (`台账 督办`, `台账 舆情`): one word several
 * capabilities answer (Command.owns claims the second word), the file sent by {@link sendSheet}.
 */
import type { Command } from "../../../bot/core/capability.ts";
import type { DeskDocument } from "../../../bot/core/desk.ts";
import { localDay, startOfDay } from "../days.ts";
import { sendSheet } from "./send-sheet.ts";

export function ledgerCommand(
  texts: { word: string; summary: string; usage: string },
  ledger: DeskDocument,
  timezone: string,
): Command {
  return {
    names: ["台账"],
    summary: texts.summary,
    owns: (_ctx, args) => args.trim().startsWith(texts.word),
    async run(ctx, args) {
      if (args.trim() !== texts.word) return ctx.reply(texts.usage);
      await sendSheet(ctx, ledger, {}, timezone);
    },
  };
}

/** A year ledger's year: `now`'s, and its start (1 January, local midnight in the office's zone). */
export function ledgerYear(now: Date, timezone: string): { year: number; yearStart: Date } {
  const { year } = localDay(now, timezone);
  return { year, yearStart: startOfDay({ year, month: 1, day: 1 }, timezone) };
}
