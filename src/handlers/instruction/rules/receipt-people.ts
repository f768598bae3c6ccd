/**
 * Who must confirm (收到) a leader's instruction: the reporting unit's directors, who answer for the
 * handling, and the person who reported, who is in the group and knows the facts. The leader who
 * gave the instruction never confirms their own. Pure: the org's people are an input.
 */
import type { Person } from "../../../config/org.ts";

export function receiptPeople(
  incident: { unitId: string; reporterId: string },
  people: readonly Person[],
  leaderId: string,
): string[] {
  const known = new Set(people.map((p) => p.id));
  const directors = people
    .filter((p) => p.unit === incident.unitId && p.roles.includes("director"))
    .map((p) => p.id);
  const reporter = known.has(incident.reporterId) ? [incident.reporterId] : [];
  return inRankOrder(
    [...new Set([...directors, ...reporter])].filter((id) => id !== leaderId),
    people,
  );
}

/**
 * People ids the way lists of names are written in an office: directors before staff, then in the
 * org file's order; ids not in the org file last. Receipts are stored unordered, so every list of
 * names (mentions, 尚待确认, the leader's notice) goes through this.
 */
export function inRankOrder(ids: readonly string[], people: readonly Person[]): string[] {
  const rank = (id: string) => {
    const index = people.findIndex((p) => p.id === id);
    if (index < 0) return Number.MAX_SAFE_INTEGER;
    return (people[index]?.roles.includes("director") ? 0 : people.length) + index;
  };
  return [...ids].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
