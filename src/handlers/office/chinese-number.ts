/**
 * Numbers as staff type them: Arabic digits or Chinese numerals (两、十二、二十、三十五、一百零五、
 * 二〇二六). Times, durations and casualty counts all arrive in either form.
 */

const DIGIT: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

const UNIT: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** The characters a Chinese numeral is written with, for building patterns. */
export const CHINESE_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万";

/**
 * A pattern source matching one number: Arabic digits or a run of Chinese numeral characters. Runs
 * are bounded (no count in a report needs more) so that scanning a long text stays linear.
 */
export const NUMBER_PATTERN = `(?:\\d{1,6}|[${CHINESE_NUMERAL_CHARS}]{1,8})`;

/**
 * The value of `text` when it is a whole non-negative integer written in Arabic digits or Chinese
 * numerals; null otherwise. A run of digits without units reads digit by digit (二〇二六 = 2026,
 * 零五 = 5); with units it reads as spoken (三十五 = 35, 一百零五 = 105, 两万 = 20000).
 */
export function parseChineseNumber(text: string): number | null {
  const s = text.trim();
  if (s === "") return null;
  if (/^\d+$/.test(s)) return Number(s);
  if (![...s].every((c) => c in DIGIT || c in UNIT || c === "万")) return null;

  const hasUnit = [...s].some((c) => c in UNIT || c === "万");
  if (!hasUnit) {
    let value = 0;
    for (const c of s) value = value * 10 + (DIGIT[c] as number);
    return value;
  }

  const wan = s.split("万");
  if (wan.length > 2) return null;
  if (wan.length === 2) {
    const high = wan[0] === "" ? 1 : belowTenThousand(wan[0] as string);
    const low = wan[1] === "" ? 0 : belowTenThousand(wan[1] as string);
    return high === null || low === null ? null : high * 10_000 + low;
  }
  return belowTenThousand(s);
}

/** 一千二百三十四 style numerals below 10 000; null when malformed (十十, 三三十). */
function belowTenThousand(s: string): number | null {
  let total = 0;
  let pending: number | null = null;
  let lastUnit = Number.POSITIVE_INFINITY;
  let previous = "";
  let digitRightAfterUnit = false;
  for (const c of s) {
    const digit = DIGIT[c];
    if (digit !== undefined) {
      if (pending !== null && pending !== 0) return null;
      digitRightAfterUnit = previous in UNIT;
      pending = digit;
      previous = c;
      continue;
    }
    previous = c;
    const unit = UNIT[c];
    if (unit === undefined || unit >= lastUnit) return null;
    // A leading 十 means 一十 (十二 = 12); 零 before a unit is malformed.
    if (pending === 0) return null;
    total += (pending ?? (total === 0 ? 1 : Number.NaN)) * unit;
    if (Number.isNaN(total)) return null;
    lastUnit = unit;
    pending = null;
  }
  // 二百五 is 250 and 三千五 is 3500: a last digit straight after 百 or 千 counts in the next unit down.
  if (pending !== null && digitRightAfterUnit && lastUnit >= 100) return total + (pending * lastUnit) / 10;
  return total + (pending ?? 0);
}
