/**
 * The grammar of times as county office staff write them, and what one written time says before it
 * is tied to a reference time: "昨天晚上8点半" is a relative day, a part of the day and a clock
 * reading. Keeping this apart from resolution lets the same grammar serve a whole reply
 * (`parseEventTime`) and times inside a paragraph (`findTimeMentions`).
 */
import { parseChineseNumber } from "../../office/chinese-number.ts";

/** A part of the day written before a clock reading; it decides how a 12-hour reading maps to 24 hours. */
export type PartOfDay = "earlyMorning" | "morning" | "forenoon" | "noon" | "afternoon" | "dusk" | "night";

/** How the date was written, before it is tied to today. */
export type DatePart =
  /** 今天 0, 昨天 −1, 前天 −2, 大前天 −3; 明天 +1 and 后天 +2 are read too, for the caller to refuse. */
  | { kind: "relative"; days: number }
  /** 当天 / 当日: the day the text spoke of last, or today. */
  | { kind: "sameDay" }
  /** 3月2日, 2026年3月2日, 2026-03-02, or a bare 2日 (month and year left to inference). */
  | { kind: "calendar"; year?: number; month?: number; day: number }
  /** 周一, 上周五, 星期天: resolved with chrono-node. */
  | { kind: "weekday"; text: string };

/** A clock reading; `style` tells whether a 12-hour reading is possible (`dian`: 3点 may be 15:00). */
export interface ClockPart {
  hour: number;
  minute: number;
  second?: number;
  style: "colon" | "dian" | "shi";
  /** The hour was written in Chinese numerals (两点, 十四时). */
  chineseHour: boolean;
  /** Only an hour was written, with nothing after 点/时. */
  hourOnly: boolean;
}

/** What one written time says, independent of when it is read. */
export type TimeExpression =
  /** 现在 (exact) or 刚才 / 刚刚 (approximate). */
  | { kind: "now"; approximate: boolean }
  /** 半小时前, 10分钟前, 一个半小时前: always approximate, people round such durations. */
  | { kind: "ago"; milliseconds: number }
  /** A date and/or clock reading on the wall. */
  | {
      kind: "wall";
      date?: DatePart;
      partOfDay?: PartOfDay;
      clock?: ClockPart;
      approximate: boolean;
    };

const CN_DIGITS = "零〇一二两三四五六七八九十";
const HOUR = `(?:\\d{1,2}|[${CN_DIGITS}]{1,3})`;
const MINUTE = `(?:\\d{1,2}|[${CN_DIGITS}]{1,3})`;
const DAY = `(?:\\d{1,2}|[一二三四五六七八九十]{1,3})`;
const MONTH = `(?:\\d{1,2}|[一二三四五六七八九十]{1,2})`;
const YEAR = `(?:\\d{4}|[零〇一二三四五六七八九]{4})`;
const COUNT = `(?:\\d{1,4}|[${CN_DIGITS}百]{1,4})`;

const RELATIVE_DAY = `(?<rel>大前天|前天|前日|昨天|昨日|今天|今日|本日|明天|明日|后天|当天|当日|(?:今|昨)(?=[凌清早晨上中正午下傍黄晚夜深半]))`;
const WEEKDAY = `(?<wd>(?:上|下|这|本)?个?(?:周|星期|礼拜)[一二三四五六日天])`;
const NUMERIC_DATE = `(?<ny>\\d{4})[-/.](?<nm>\\d{1,2})[-/.](?<nd>\\d{1,2})(?:日|号)?`;
const CHINESE_DATE = `(?:(?:(?<cy>${YEAR})年)?(?<cm>${MONTH})月)?(?<cd>${DAY})(?:日|号)`;
const DATE = `(?:${RELATIVE_DAY}|${WEEKDAY}|${NUMERIC_DATE}|${CHINESE_DATE})`;

const PART = `(?<part>凌晨|清晨|早晨|早上|上午|中午|正午|午间|下午|午后|傍晚|黄昏|晚上|晚间|夜里|夜间|夜晚|深夜|半夜|午夜|早|晨|晚|夜)`;

const COLON_CLOCK = `(?<ch>\\d{1,2}):(?<cmin>\\d{2})(?::(?<cs>\\d{2}))?分?`;
// 时 is also the first character of 时间/时候/时期…, and 点 of 点点: those are not clock readings.
const CN_CLOCK =
  `(?<hh>${HOUR})(?<unit>点钟|点|时)(?![间候期段刻效速代髦尚常点])` +
  `(?:(?<mm>半|一刻|三刻|整|${MINUTE})(?:分钟|分)?(?:(?<ss>${MINUTE})秒)?)?(?<more>多|过)?`;
const CLOCK = `(?:${COLON_CLOCK}|${CN_CLOCK})`;

const AGO =
  `(?<agoN>${COUNT}|半)(?<agoMore>多|余|来)?个?(?<agoHalf>半|多)?(?<agoUnit>小时|钟头|分钟|分|刻钟|天|日)` +
  `(?:(?<agoMin>${MINUTE})(?:分钟|分))?(?:多|左右)?(?:之|以)?前`;
const JUST = `(?<just>刚才|刚刚|方才|才刚|刚)`;
// In running text 刚 alone is too common ("刚到现场"); 刚才 and 刚刚 still read as times.
const JUST_IN_TEXT = `(?<just>刚才|刚刚)`;
const NOW = `(?<nw>现在|此刻|此时|目前|当前|眼下)`;

const APPROX_BEFORE = `(?<ap>大约|大概|约莫|约|差不多|估计)?`;
const APPROX_AFTER = `(?<as>许|左右|前后|上下)?`;
const JOIN = `(?:T|[ ,，]*)`;
const WALL = `(?:${DATE})?${JOIN}(?:${PART})?${JOIN}(?:${CLOCK})?`;

/** A whole reply that is one time, nothing else but end punctuation. */
export const WHOLE_TIME = new RegExp(
  `^${APPROX_BEFORE}(?:${JUST}|${NOW}|${AGO}|${WALL})${APPROX_AFTER}[。.!！]?$`,
);

/**
 * Times inside running text. No 现在/目前 (everywhere in reports, and rarely the time of anything), no
 * match that starts inside a longer number or a code (88号, K1520).
 */
export const TIME_IN_TEXT = new RegExp(
  `(?<![0-9A-Za-z.+\\-])${APPROX_BEFORE}(?:${JUST_IN_TEXT}|${AGO}|${WALL})${APPROX_AFTER}`,
  "g",
);

const RELATIVE_DAYS: Readonly<Record<string, number>> = {
  大前天: -3,
  前天: -2,
  前日: -2,
  昨天: -1,
  昨日: -1,
  昨: -1,
  今天: 0,
  今日: 0,
  本日: 0,
  今: 0,
  明天: 1,
  明日: 1,
  后天: 2,
};

const PARTS_OF_DAY: Readonly<Record<string, PartOfDay>> = {
  凌晨: "earlyMorning",
  清晨: "morning",
  早晨: "morning",
  早上: "morning",
  早: "morning",
  晨: "morning",
  上午: "forenoon",
  中午: "noon",
  正午: "noon",
  午间: "noon",
  下午: "afternoon",
  午后: "afternoon",
  傍晚: "dusk",
  黄昏: "dusk",
  晚上: "night",
  晚间: "night",
  夜里: "night",
  夜间: "night",
  夜晚: "night",
  深夜: "night",
  半夜: "night",
  午夜: "night",
  晚: "night",
  夜: "night",
};

const MINUTE_WORDS: Readonly<Record<string, number>> = { 半: 30, 一刻: 15, 三刻: 45, 整: 0 };

const AGO_UNIT_MS: Readonly<Record<string, number>> = {
  小时: 3_600_000,
  钟头: 3_600_000,
  分钟: 60_000,
  分: 60_000,
  刻钟: 900_000,
  天: 86_400_000,
  日: 86_400_000,
};

/**
 * The expression a match of `WHOLE_TIME` or `TIME_IN_TEXT` describes; null when the match is empty
 * or a number in it is not a number (the patterns are looser than the numerals they accept).
 */
export function toTimeExpression(
  groups: Readonly<Record<string, string | undefined>>,
): TimeExpression | null {
  if (groups.nw !== undefined) return { kind: "now", approximate: false };
  if (groups.just !== undefined) return { kind: "now", approximate: true };
  if (groups.agoUnit !== undefined) return agoExpression(groups);

  const approximate = groups.ap !== undefined || groups.as !== undefined || groups.more !== undefined;
  const expression: TimeExpression = { kind: "wall", approximate };
  if (groups.rel !== undefined) {
    expression.date =
      groups.rel === "当天" || groups.rel === "当日"
        ? { kind: "sameDay" }
        : { kind: "relative", days: RELATIVE_DAYS[groups.rel] ?? 0 };
  } else if (groups.wd !== undefined) {
    expression.date = { kind: "weekday", text: groups.wd };
  } else if (groups.nd !== undefined) {
    expression.date = {
      kind: "calendar",
      year: Number(groups.ny),
      month: Number(groups.nm),
      day: Number(groups.nd),
    };
  } else if (groups.cd !== undefined) {
    const day = parseChineseNumber(groups.cd);
    const month = groups.cm === undefined ? undefined : parseChineseNumber(groups.cm);
    const year = groups.cy === undefined ? undefined : parseChineseNumber(groups.cy);
    if (day === null || month === null || year === null) return null;
    expression.date = { kind: "calendar", day };
    if (month !== undefined) expression.date.month = month;
    if (year !== undefined) expression.date.year = year;
  }
  if (groups.part !== undefined) expression.partOfDay = PARTS_OF_DAY[groups.part];

  if (groups.ch !== undefined) {
    expression.clock = {
      hour: Number(groups.ch),
      minute: Number(groups.cmin),
      style: "colon",
      chineseHour: false,
      hourOnly: false,
    };
    if (groups.cs !== undefined) expression.clock.second = Number(groups.cs);
  } else if (groups.hh !== undefined) {
    const hour = parseChineseNumber(groups.hh);
    const minute = groups.mm === undefined ? 0 : (MINUTE_WORDS[groups.mm] ?? parseChineseNumber(groups.mm));
    const second = groups.ss === undefined ? undefined : parseChineseNumber(groups.ss);
    if (hour === null || minute === null || second === null) return null;
    expression.clock = {
      hour,
      minute,
      style: groups.unit === "时" ? "shi" : "dian",
      chineseHour: !/^\d/.test(groups.hh),
      hourOnly: groups.mm === undefined && groups.unit !== "点钟",
    };
    if (second !== undefined) expression.clock.second = second;
  }

  if (!expression.date && !expression.partOfDay && !expression.clock) return null;
  return expression;
}

function agoExpression(groups: Readonly<Record<string, string | undefined>>): TimeExpression | null {
  const unit = AGO_UNIT_MS[groups.agoUnit ?? ""];
  const count = groups.agoN === "半" ? 0.5 : parseChineseNumber(groups.agoN ?? "");
  if (unit === undefined || count === null) return null;
  const half = groups.agoHalf === "半" ? 0.5 : 0;
  const minutes = groups.agoMin === undefined ? 0 : parseChineseNumber(groups.agoMin);
  if (minutes === null) return null;
  return { kind: "ago", milliseconds: Math.round((count + half) * unit + minutes * 60_000) };
}
