/**
 * The light fills and font colours of toned cells (红/黄/绿 lights, 已报/迟报/漏报, grades), close to
 * the spreadsheet programs' own "good / neutral / bad" styles so a printed 台账 stays readable.
 */
import type { DeskTone } from "../../../bot/core/desk.ts";

/** ARGB fill and font colour of each tone. */
export const SHEET_TONES: Record<DeskTone, { fill: string; font: string }> = {
  red: { fill: "FFFFC7CE", font: "FF9C0006" },
  orange: { fill: "FFFCE4D6", font: "FF833C0B" },
  yellow: { fill: "FFFFEB9C", font: "FF9C5700" },
  blue: { fill: "FFDDEBF7", font: "FF1F4E78" },
  green: { fill: "FFC6EFCE", font: "FF006100" },
  grey: { fill: "FFEDEDED", font: "FF595959" },
};

/** The header row's fill. */
export const HEADER_FILL = "FFD9E1F2";
/** The totals row's fill. */
export const TOTALS_FILL = "FFF2F2F2";
