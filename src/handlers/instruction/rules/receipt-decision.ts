/**
 * What a typed `收到` means. People say 收到 to everything in group chats, so the bot answers a bare
 * 收到 in a group only when it concerns an instruction posted there; addressed to the bot (one-to-one,
 * @bot, or with a number) it always answers. Pure: the caller looks the receipts up.
 */

/** One of the person's receipts, on an open incident. */
export interface ReceiptView {
  instructionId: number;
  /** The incident's number, `2026-0042`. */
  number: string;
  confirmedAt: Date | null;
}

/** What the 收到 command knows when it decides. */
export interface ReceiptQuery {
  /** The person's receipts on open incidents, confirmed or not. */
  mine: readonly ReceiptView[];
  /** The incident number written after 收到, already checked to exist and be open. */
  number: string | null;
  /** One-to-one chat, @bot, or a number given. */
  addressed: boolean;
  /** Instructions posted in this chat that still wait for someone's 收到. */
  awaitingHere: readonly { instructionId: number; number: string }[];
}

/** What to do: confirm, ask for the number, or which Chinese answer to give (or none). */
export type ReceiptDecision =
  | { kind: "confirm"; instructionIds: number[]; number: string }
  | { kind: "choose"; numbers: string[] }
  | { kind: "already"; number: string; at: Date }
  | { kind: "not-listed"; number: string }
  | { kind: "nothing-pending" }
  | { kind: "ignore" };

/** Decides what a typed 收到 means for this person in this chat. */
export function decideReceipt(query: ReceiptQuery): ReceiptDecision {
  const { mine, number } = query;
  if (number !== null) {
    const pending = mine.filter((r) => r.number === number && !r.confirmedAt);
    if (pending.length > 0) return confirm(pending, number);
    const done = latestConfirmed(mine.filter((r) => r.number === number));
    return done ? { kind: "already", number, at: done.at } : { kind: "not-listed", number };
  }
  const pending = mine.filter((r) => !r.confirmedAt);
  const numbers = [...new Set(pending.map((r) => r.number))];
  if (numbers.length === 1) return confirm(pending, numbers[0] as string);
  if (numbers.length > 1) return { kind: "choose", numbers };
  const here = query.awaitingHere;
  if (here.length > 0) {
    const ids = new Set(here.map((i) => i.instructionId));
    const done = latestConfirmed(mine.filter((r) => ids.has(r.instructionId)));
    if (done) return { kind: "already", number: done.number, at: done.at };
    return { kind: "not-listed", number: (here[0] as { number: string }).number };
  }
  return query.addressed ? { kind: "nothing-pending" } : { kind: "ignore" };
}

function confirm(pending: readonly ReceiptView[], number: string): ReceiptDecision {
  return { kind: "confirm", instructionIds: [...new Set(pending.map((r) => r.instructionId))], number };
}

function latestConfirmed(receipts: readonly ReceiptView[]): { number: string; at: Date } | null {
  let latest: { number: string; at: Date } | null = null;
  for (const r of receipts)
    if (r.confirmedAt && (!latest || r.confirmedAt > latest.at))
      latest = { number: r.number, at: r.confirmedAt };
  return latest;
}
