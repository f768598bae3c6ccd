/**
 * When an alert is repeated, the people who have not read it come first: they get the 加急 and
 * are mentioned first; those seen to have read the alert (or an escalation of it) are mentioned
 * after them and not sent urgent again. Without read receipts (console, WeChat) nobody is known
 * to have read, so everyone is urgent as before.
 */
import type { BotServices } from "../../bot/core/services.ts";
import { alertPrefixes, sentUnder } from "./alert-sends.ts";

/** Who has been seen reading the incident's alert or one of its escalations. */
export async function alertReaders(
  prisma: BotServices["database"],
  incidentId: number,
): Promise<ReadonlySet<string>> {
  const sent = await sentUnder(prisma, alertPrefixes(incidentId));
  return new Set(sent.flatMap((row) => row.readBy));
}

export function unreadFirst(
  people: readonly string[],
  readers: ReadonlySet<string>,
): { mentions: string[]; urgentTo: string[] } {
  const unread = people.filter((id) => !readers.has(id));
  return { mentions: [...unread, ...people.filter((id) => readers.has(id))], urgentTo: unread };
}
