/** 舆情 numbers as offices cite them: `Y2026-0001` (year of the 登记, sequence within the year). */
import { formatItemNumber, looksLikeItemNumber, parseItemNumber } from "../../office/item-number.ts";

/** The letter of 舆情 numbers, also their counter's kind in `item_sequence`. */
export const OPINION_LETTER = "Y";

export const formatOpinionNumber = (year: number, sequence: number) =>
  formatItemNumber(OPINION_LETTER, year, sequence);

/** `Y2026-0001` (any case, `y2026-1` too) in its stored form; null when the text is no 舆情 number. */
export const parseOpinionNumber = (text: string) => parseItemNumber(OPINION_LETTER, text);

/** Whether a word looks like a 舆情 number (to tell `查询 Y2026-0001` from the others'). */
export const looksLikeOpinionNumber = (text: string) => looksLikeItemNumber(OPINION_LETTER, text);
