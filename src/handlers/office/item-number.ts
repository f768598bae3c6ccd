/**
 * Numbers of tracked items as offices cite them: a letter, the year, a sequence within the year —
 * `D2026-0001` (督办), `Y2026-0001` (舆情). The counter lives in `item_sequence`, one row per letter
 * and year, bumped inside the transaction that files the item.
 */
import type { Prisma } from "../../store/generated/client.ts";

export function formatItemNumber(letter: string, year: number, sequence: number): string {
  return `${letter}${year}-${String(sequence).padStart(4, "0")}`;
}

/** `Y2026-0001` (any case, `y2026-1` too) in its stored form; null when the text is no such number. */
export function parseItemNumber(letter: string, text: string): string | null {
  const m = new RegExp(`^${letter}(\\d{4})-(\\d{1,6})$`, "i").exec(text.trim());
  return m ? formatItemNumber(letter, Number(m[1]), Number(m[2])) : null;
}

/** Whether a word looks like such a number (to tell `查询 Y2026-0001` from an incident's 2026-0042). */
export function looksLikeItemNumber(letter: string, text: string): boolean {
  return new RegExp(`^${letter}\\d`, "i").test(text.trim());
}

/** The next sequence for `letter` in `year`, inside the caller's transaction. */
export async function nextItemSequence(
  tx: Prisma.TransactionClient,
  letter: string,
  year: number,
): Promise<number> {
  const row = await tx.itemSequence.upsert({
    where: { kind_year: { kind: letter, year } },
    create: { kind: letter, year, last: 1 },
    update: { last: { increment: 1 } },
  });
  return row.last;
}
