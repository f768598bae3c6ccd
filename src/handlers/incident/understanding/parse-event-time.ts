/**
 * Reads a reply to "事发时间？" (or "接报时间？") the way staff type it on a phone: 14:20, 14时20分,
 * 下午2点20, 昨天晚上8点, 3月2日14时20分, 2026-03-02 14:20, 周一上午9点, 半小时前, 刚才, 现在…
 * A pure function of the text, the reference time and the zone, so a dialog step can use it as its
 * parser and tests can pin every form.
 */
import { understandingMessages as M } from "./messages.ts";
import { normalizeInput } from "./normalize-input.ts";
import { resolveTime, type TimeProblem } from "./resolve-time.ts";
import { TIME_IN_TEXT, toTimeExpression, WHOLE_TIME } from "./time-expression.ts";

/** The instant a reply names, or a Chinese sentence saying which forms are understood. */
export type EventTimeResult = { ok: true; at: Date; approximate: boolean } | { ok: false; reason: string };

// Words around a time that add nothing to it: "事发时间：14时20分", "大概是在下午2点左右吧".
const FILLER =
  /^(?:事发|发生|出事|时间|大概|大约|应该|可能|估计|左右|时候|前后|是|在|于|约|吧|的|时|许|[ :,，。.、!！])*$/;

/**
 * The instant `text` names, read at `now` in the IANA zone `timeZone`. `approximate` is true for
 * 刚才, 半小时前, 14时许, 约14时, 3点多. A time later than `now` is returned as written (a clock time
 * without a date is today): rejecting future times is the caller's rule, with its own message.
 * Throws RangeError only for an unknown `timeZone`, a programming error.
 */
export function parseEventTime(text: string, now: Date, timeZone: string): EventTimeResult {
  const input = normalizeInput(text);
  if (input === "") return { ok: false, reason: M.timeEmpty };

  const whole = WHOLE_TIME.exec(input);
  if (whole?.groups) {
    const expression = toTimeExpression(whole.groups);
    if (expression) return answer(resolveTime(expression, now, timeZone), input);
  }

  // One time among filler words: "事发时间：14时20分", "是在下午2点左右吧".
  const mentions = [...input.matchAll(TIME_IN_TEXT)]
    .map((match) => ({ match, expression: match.groups ? toTimeExpression(match.groups) : null }))
    .filter((m) => m.expression !== null);
  const only = mentions.length === 1 ? mentions[0] : undefined;
  if (only?.expression) {
    const { match, expression } = only;
    const rest = input.slice(0, match.index) + input.slice(match.index + match[0].length);
    if (FILLER.test(rest)) {
      const resolved = resolveTime(expression, now, timeZone);
      if (resolved.ok && APPROXIMATE_WORDS.test(rest)) resolved.approximate = true;
      return answer(resolved, match[0].trim());
    }
  }
  return { ok: false, reason: M.timeNotUnderstood };
}

const APPROXIMATE_WORDS = /大概|大约|约|估计|可能|应该|左右|许|前后/;

function answer(resolved: ReturnType<typeof resolveTime>, written: string): EventTimeResult {
  if (resolved.ok) return { ok: true, at: resolved.at, approximate: resolved.approximate };
  return { ok: false, reason: reasonFor(resolved.problem, written) };
}

function reasonFor(problem: TimeProblem, written: string): string {
  switch (problem) {
    case "needsClock":
      return M.timeNeedsClock(written);
    case "futureDay":
      return M.timeFutureDay(written);
    case "noSuchDate":
      return M.timeNoSuchDate(written);
    case "weekdayUnknown":
      return M.timeWeekdayUnknown(written);
    case "noSuchClock":
      return M.timeNoSuchClock(written);
    case "contradiction":
      return M.timeContradiction(written);
  }
}
