/** Incident numbers as offices cite them: `2026-0042` (year of the report, sequence within the year). */

export function formatIncidentNumber(year: number, sequence: number): string {
  return `${year}-${String(sequence).padStart(4, "0")}`;
}

/** `2026-0042`, or `0042` / `42` meaning this year's; null when the text is no incident number. */
export function parseIncidentNumber(text: string, currentYear: number): string | null {
  const full = /^(\d{4})-(\d{1,6})$/.exec(text.trim());
  if (full) return formatIncidentNumber(Number(full[1]), Number(full[2]));
  const short = /^(\d{1,6})$/.exec(text.trim());
  return short ? formatIncidentNumber(currentYear, Number(short[1])) : null;
}
