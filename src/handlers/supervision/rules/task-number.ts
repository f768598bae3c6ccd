/** 督办 numbers as offices cite them: `D2026-0001` (year of the 交办, sequence within the year). */

export function formatTaskNumber(year: number, sequence: number): string {
  return `D${year}-${String(sequence).padStart(4, "0")}`;
}

/** `D2026-0001` (any case, `d2026-1` too) in its stored form; null when the text is no task number. */
export function parseTaskNumber(text: string): string | null {
  const m = /^D(\d{4})-(\d{1,6})$/i.exec(text.trim());
  return m ? formatTaskNumber(Number(m[1]), Number(m[2])) : null;
}

/** Whether a word looks like a task number (to tell `查询 D2026-0001` from an incident's). */
export function looksLikeTaskNumber(text: string): boolean {
  return /^D\d/i.test(text.trim());
}
