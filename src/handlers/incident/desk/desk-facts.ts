/**
 * What the desk shows beside the incident rows, read for many incidents at once: the read receipts
 * of each alert and its escalations (alert-sends.ts), the receipts of each 批示 (the instruction
 * tables, read directly: instruction/ imports incident/, not the other way), and the timers' state
 * (timer-state.ts) the next 续报 deadline is counted from.
 */
import type { BotServices } from "../../../bot/core/services.ts";
import { alertPrefixes, sentUnder } from "../alert-sends.ts";
import { incidentTimerState } from "../timer-state.ts";
import type { ReadCount, ReceiptCount } from "./incident-row.ts";

export interface DeskFacts {
  reads: Map<number, ReadCount>;
  receipts: Map<number, ReceiptCount>;
  /** `<incident id>-<follow-up count>` → latest 续报 deadline flagged as missed (ms). */
  lastMissedDue: Map<string, number>;
}

export async function loadDeskFacts(
  database: BotServices["database"],
  incidentIds: readonly number[],
): Promise<DeskFacts> {
  const prefixes = incidentIds.map((id) => ({ id, prefixes: alertPrefixes(id) }));
  const [sent, instructions, state] = await Promise.all([
    incidentIds.length === 0
      ? []
      : sentUnder(
          database,
          prefixes.flatMap((p) => p.prefixes),
        ),
    database.instruction.findMany({
      where: { incidentId: { in: [...incidentIds] } },
      select: { incidentId: true, receipts: { select: { confirmedAt: true } } },
    }),
    incidentTimerState(database, incidentIds),
  ]);
  const reads = new Map<number, ReadCount>();
  for (const { id, prefixes: mine } of prefixes) {
    const rows = sent.filter((row) => mine.some((p) => row.idempotencyKey.startsWith(p)));
    const recipients = new Set(rows.flatMap((row) => row.recipients));
    const readers = new Set(rows.flatMap((row) => row.readBy).filter((p) => recipients.has(p)));
    reads.set(id, { read: readers.size, total: recipients.size });
  }
  const receipts = new Map<number, ReceiptCount>();
  for (const { incidentId, receipts: rows } of instructions) {
    const count = receipts.get(incidentId) ?? { instructions: 0, confirmed: 0, total: 0 };
    count.instructions += 1;
    count.total += rows.length;
    count.confirmed += rows.filter((r) => r.confirmedAt !== null).length;
    receipts.set(incidentId, count);
  }
  return { reads, receipts, lastMissedDue: state.lastMissedDue };
}

export const NO_READS: ReadCount = { read: 0, total: 0 };
export const NO_RECEIPTS: ReceiptCount = { instructions: 0, confirmed: 0, total: 0 };
