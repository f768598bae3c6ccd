/**
 * One-line lists in cards (日报 sections, 督办 ledgers, timelines): short quotes of what people wrote,
 * and a list cut after so many lines with how many were left out, or its word for empty. Pure.
 */

/** Lines a section lists before it says how many more there are. */
export const MAX_LIST_LINES = 15;

/** The first `max` characters, with `…` when cut. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** The lines one per row, `none` when there are none, cut after `MAX_LIST_LINES` with `more(n)`. */
export function cappedLines(
  lines: readonly string[],
  words: { none: string; more: (left: number) => string },
): string {
  if (lines.length === 0) return words.none;
  if (lines.length <= MAX_LIST_LINES) return lines.join("\n");
  return [...lines.slice(0, MAX_LIST_LINES), words.more(lines.length - MAX_LIST_LINES)].join("\n");
}
