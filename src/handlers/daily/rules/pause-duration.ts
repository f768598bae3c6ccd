/** How long `提醒 暂停 …` pauses: `3天`, `12小时`, `1周`, `三天`, `十二小时`; 1 hour to 30 days. */
import { NUMBER_PATTERN, parseChineseNumber } from "../../office/chinese-number.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const UNIT_MS: Record<string, number> = {
  天: DAY,
  日: DAY,
  d: DAY,
  小时: HOUR,
  个小时: HOUR,
  h: HOUR,
  周: 7 * DAY,
  星期: 7 * DAY,
};
const PAUSE = new RegExp(`^(${NUMBER_PATTERN})\\s*(天|日|d|个小时|小时|h|周|星期)$`, "i");
export const MAX_PAUSE_MS = 30 * DAY;

/** Milliseconds, or null when the text is not a duration of 1 hour to 30 days. */
export function parsePauseDuration(text: string): number | null {
  const m = PAUSE.exec(text.trim());
  const amount = m ? parseChineseNumber(m[1] ?? "") : null;
  if (!m || amount === null) return null;
  const ms = amount * (UNIT_MS[(m[2] ?? "").toLowerCase()] ?? 0);
  return ms > 0 && ms <= MAX_PAUSE_MS ? ms : null;
}
