/** How long `提醒 暂停 …` pauses: `3天`, `12小时`, `1周`, `三天`; at most 30 days. */

const UNIT_MS: Record<string, number> = {
  天: 86_400_000,
  日: 86_400_000,
  d: 86_400_000,
  小时: 3_600_000,
  个小时: 3_600_000,
  h: 3_600_000,
  周: 7 * 86_400_000,
  星期: 7 * 86_400_000,
};
const DIGITS: Record<string, number> = {
  一: 1,
  两: 2,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};
export const MAX_PAUSE_MS = 30 * 86_400_000;

/** Milliseconds, or null when the text is not a duration of 1 hour to 30 days. */
export function parsePauseDuration(text: string): number | null {
  const m = /^(\d{1,3}|[一两二三四五六七八九十])\s*(天|日|d|个小时|小时|h|周|星期)$/i.exec(text.trim());
  if (!m) return null;
  const amount = /^\d+$/.test(m[1] ?? "") ? Number(m[1]) : (DIGITS[m[1] ?? ""] ?? 0);
  const ms = amount * (UNIT_MS[(m[2] ?? "").toLowerCase()] ?? 0);
  return ms > 0 && ms <= MAX_PAUSE_MS ? ms : null;
}
