/** Short quotes of what people wrote (an item's content, a 核实, a 口径) for one-line lists. */

/** The first `max` characters, with `…` when cut. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
