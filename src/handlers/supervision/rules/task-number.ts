/** 督办 numbers as offices cite them: `D2026-0001` (year of the 交办, sequence within the year). */
import { formatItemNumber, looksLikeItemNumber, parseItemNumber } from "../../office/item-number.ts";

/** The letter of 督办 numbers, also their counter's kind in `item_sequence`. */
export const TASK_LETTER = "D";

export const formatTaskNumber = (year: number, sequence: number) =>
  formatItemNumber(TASK_LETTER, year, sequence);

/** `D2026-0001` (any case, `d2026-1` too) in its stored form; null when the text is no task number. */
export const parseTaskNumber = (text: string) => parseItemNumber(TASK_LETTER, text);

/** Whether a word looks like a task number (to tell `查询 D2026-0001` from an incident's). */
export const looksLikeTaskNumber = (text: string) => looksLikeItemNumber(TASK_LETTER, text);
