/**
 * Times inside a clerk's paragraph ("3月2日14时35分，县应急管理局接到报告：当日14时20分许，…"), in
 * order, each tied to an instant. A dateless time takes the day the paragraph spoke of last
 * (当日 and 20时许 after 3月1日 are on 3月1日), as readers of such reports do.
 */

import {
  addCivilDays,
  type CivilDate,
  compareCivilDates,
  instantToLocal,
} from "../../../bot/core/wall-clock.ts";
import { resolveDay, resolveTime, type TimeContext } from "./resolve-time.ts";
import { TIME_IN_TEXT, type TimeExpression, toTimeExpression } from "./time-expression.ts";

/** One time found in a text: where it is, what was written and the instant it names. */
export interface TimeMention {
  /** Offset of the first character in the (already normalised) text. */
  index: number;
  text: string;
  at: Date;
  approximate: boolean;
}

// Before these a numeral + 点 is a count, not a time: 第一时间, 这两点, 有一点, 每两点.
const COUNTING_WORD_BEFORE = /[第这那有几每的]$/;

/**
 * The times `text` mentions, read at `now` in `timeZone`. Only readings with a clock or a duration
 * ago are returned; dates alone set the day for later readings but are not times themselves.
 * `text` should already be normalised (`normalizeInput`) so that indexes match the caller's.
 */
export function findTimeMentions(text: string, now: Date, timeZone: string): TimeMention[] {
  const mentions: TimeMention[] = [];
  const context: TimeContext = {};
  let previous: Date | undefined;
  for (const match of text.matchAll(TIME_IN_TEXT)) {
    const expression = match.groups ? toTimeExpression(match.groups) : null;
    if (!expression) continue;
    if (expression.kind === "wall" && looksLikeACount(expression, text.slice(0, match.index))) continue;

    if (expression.kind === "wall" && !expression.clock) {
      // A date alone: remember it for the clock readings that follow, unless it is only "8号",
      // which is as often a house number as a day.
      if (expression.date && !(expression.date.kind === "calendar" && expression.date.month === undefined)) {
        const day = resolveDay(expression.date, now, timeZone, context);
        if ("day" in day) context.day = day.day;
      }
      continue;
    }

    let resolved = resolveTime(expression, now, timeZone, context);
    if (!resolved.ok) continue;
    if (crossesMidnight(expression, resolved.at, previous, context, timeZone)) {
      resolved = resolveTime(expression, now, timeZone, { day: addCivilDays(context.day as CivilDate, 1) });
      if (!resolved.ok) continue;
    }
    previous = resolved.at;
    if (
      expression.kind === "wall" &&
      (expression.date || (context.day && isLater(resolved.date, context.day)))
    ) {
      context.day = resolved.date;
    }
    const written = match[0];
    const leading = written.length - written.trimStart().length;
    mentions.push({
      index: match.index + leading,
      text: written.trim(),
      at: resolved.at,
      approximate: resolved.approximate,
    });
  }
  return mentions;
}

/**
 * A Chinese-numeral hour that reads as a count in running text: after 第/这/有 (第一时间, 这两点),
 * or 两点 / 一点 with nothing around it ("提出两点要求").
 */
function looksLikeACount(expression: Extract<TimeExpression, { kind: "wall" }>, before: string): boolean {
  const { clock } = expression;
  if (!clock?.chineseHour || expression.date || expression.partOfDay) return false;
  if (COUNTING_WORD_BEFORE.test(before)) return true;
  return clock.style === "dian" && clock.hourOnly && !expression.approximate;
}

/**
 * A dateless early-hours reading after an evening one is the next morning: "昨天晚上11时许…；凌晨1时30分，
 * 明火被扑灭" is 1:30 the next day. Only across midnight: a story that goes back to an earlier hour of
 * the same day ("14时20分…事发前10时") stays on its day.
 */
function crossesMidnight(
  expression: TimeExpression,
  at: Date,
  previous: Date | undefined,
  context: TimeContext,
  timeZone: string,
): boolean {
  if (expression.kind !== "wall" || expression.date || !context.day || !previous) return false;
  if (at.getTime() >= previous.getTime()) return false;
  return instantToLocal(previous, timeZone).hour >= 18 && instantToLocal(at, timeZone).hour < 6;
}

function isLater(a: CivilDate, b: CivilDate): boolean {
  return compareCivilDates(a, b) > 0;
}
