/**
 * Follow-up reports are cited by Chinese ordinal: 续报一, 续报二 … 续报十一. Offices read these
 * aloud and write them in documents, so the number is never shown as a digit.
 */
import { NUMERALS, reportCardMessages } from "./messages.ts";

const DIGITS = NUMERALS.digits;

/**
 * `1` → 一, `10` → 十, `11` → 十一, `20` → 二十, `105` → 一百零五, `110` → 一百一十.
 * Counts of follow-ups stay small; 1 to 9999 is covered, anything else is shown as digits.
 */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999) return String(n);
  const units = NUMERALS.units;
  const digits = String(n).padStart(4, "0").split("").map(Number);
  let out = "";
  let pendingZero = false;
  digits.forEach((d, i) => {
    if (d === 0) {
      if (out) pendingZero = true;
      return;
    }
    if (pendingZero) out += NUMERALS.zero;
    pendingZero = false;
    out += `${DIGITS[d]}${units[i]}`;
  });
  // 十一 rather than 一十一 when ten is the largest unit.
  return n >= 10 && n < 20 ? out.slice(1) : out;
}

/** `续报一`, `续报十一`: how the n-th follow-up report (1-based) is titled. */
export function followUpTitle(sequence: number): string {
  return reportCardMessages.followUpTitle(chineseNumeral(sequence));
}
