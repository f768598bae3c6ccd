/**
 * Whether year-month-day names a day that exists: config files are checked with it (roster dates),
 * and the core's wall clock shares it, so config needs nothing from above.
 */

/** Whether year-month-day names a day that exists (no 2月30日, no 13月). */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}
