/**
 * Column widths that fit Chinese text: a spreadsheet counts widths in Latin characters, and a Han
 * character (or a full-width sign) takes about two. Pure.
 */

/** Widths never go below or above these (long texts wrap instead). */
export const MIN_WIDTH = 6;
export const MAX_WIDTH = 48;

/** How wide `text` shows, in Latin characters: 2 for a wide character, 1 for the others. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    width += code >= 0x2e80 ? 2 : 1;
  }
  return width;
}

/** The width that fits the widest line of every text, with a little room, within the bounds. */
export function fitWidth(texts: readonly string[], min = MIN_WIDTH, max = MAX_WIDTH): number {
  const widest = Math.max(0, ...texts.flatMap((t) => t.split("\n")).map(displayWidth));
  return Math.min(max, Math.max(min, widest + 2));
}
