/** Short quotes of what people wrote (a task's content, a reason) for one-line lists. */

/** The first `max` characters, with `…` when cut. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
