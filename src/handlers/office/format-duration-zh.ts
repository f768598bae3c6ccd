/**
 * Durations the way offices label lateness (迟报 25 分钟, 超时 1 小时 5 分钟, 已持续 2 天 3 小时):
 * the two largest units, counted down so a label never overstates how late someone was.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * `25 分钟`, `1 小时 5 分钟`, `2 天 3 小时`, `2 天`, `不到 1 分钟`. Whole units only, rounded down;
 * below a day minutes are shown, from a day on only days and hours. Throws RangeError for a
 * negative or non-finite duration, which is a caller's mistake (an instant subtracted the wrong way).
 */
export function formatDurationZh(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`formatDurationZh: not a duration: ${ms}`);
  if (ms < MINUTE) return "不到 1 分钟";
  const days = Math.floor(ms / DAY);
  const hours = Math.floor((ms % DAY) / HOUR);
  const minutes = Math.floor((ms % HOUR) / MINUTE);
  if (days > 0) return hours > 0 ? `${days} 天 ${hours} 小时` : `${days} 天`;
  if (hours > 0) return minutes > 0 ? `${hours} 小时 ${minutes} 分钟` : `${hours} 小时`;
  return `${minutes} 分钟`;
}
