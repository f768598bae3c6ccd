/**
 * 周一 / 上周五 / 星期天 to a civil date, with chrono-node's Chinese (zh.hans) parser. chrono reads
 * weekday words well (上周 / 下周 / 这周, 星期 / 礼拜 / 周); the clock reading after them is left to our
 * own grammar, which handles the parts of the day chrono misreads (晚8点, 傍晚6点, 晚上12点, 一刻).
 */
import { casual } from "chrono-node/zh/hans";
import {
  addCivilDays,
  type CivilDate,
  compareCivilDates,
  instantToLocal,
  zoneOffsetMinutes,
} from "../../../bot/core/wall-clock.ts";

/**
 * The date a weekday expression names, seen from `now` in `timeZone`; null when chrono does not read
 * the whole expression. A bare weekday (周五, without 上/下/这/本) names the most recent such day, today
 * included: an incident is reported after it happens, while chrono would pick the coming one.
 */
export function weekdayDate(text: string, now: Date, timeZone: string): CivilDate | null {
  const written = text.replace(/^本/, "这");
  const results = casual.parse(written, { instant: now, timezone: zoneOffsetMinutes(now, timeZone) });
  const result = results[0];
  if (results.length !== 1 || !result || result.index !== 0 || result.text !== written) return null;
  if (!result.start.isCertain("weekday")) return null;

  const date: CivilDate = {
    year: result.start.get("year") ?? Number.NaN,
    month: result.start.get("month") ?? Number.NaN,
    day: result.start.get("day") ?? Number.NaN,
  };
  if (![date.year, date.month, date.day].every(Number.isInteger)) return null;

  const today = instantToLocal(now, timeZone);
  const bare = /^个?(?:周|星期|礼拜)/.test(written);
  if (bare && compareCivilDates(date, today) > 0) {
    return addCivilDays(date, -7);
  }
  return date;
}
