/**
 * The type of a 公文 (GB/T 9704-2012): which font at which size for each part, and a run in it.
 * Sizes are Word's half-points (三号 16pt → 32). Every run names its font for East Asian text
 * (`w:eastAsia`) as well as for Latin text, so Word and WPS both pick it.
 */
import { TextRun } from "docx";
import { officialDocumentMessages as M } from "../messages.ts";

/** Chinese type sizes in half-points. */
export const SIZE = {
  /** 小初 36pt */
  smallInitial: 72,
  /** 一号 26pt */
  one: 52,
  /** 二号 22pt */
  two: 44,
  /** 三号 16pt */
  three: 32,
  /** 四号 14pt */
  four: 28,
} as const;

/** The red of 版头 and its rule. */
export const RED = "FF0000";

/** One line of the body: 22 lines on a page of 225 mm (28.95pt), in twentieths of a point. */
export const BODY_LINE = 579;

export type FontName = (typeof M.fonts)[keyof typeof M.fonts];

export interface RunStyle {
  font: FontName;
  size: number;
  bold?: boolean;
  color?: string;
}

/** `text` in `style`, its font set for every script. */
export function styledRun(text: string, style: RunStyle): TextRun {
  return new TextRun({
    text,
    font: { ascii: style.font, hAnsi: style.font, eastAsia: style.font, cs: style.font },
    size: style.size,
    ...(style.bold ? { bold: true } : {}),
    ...(style.color ? { color: style.color } : {}),
  });
}

export const BODY: RunStyle = { font: M.fonts.body, size: SIZE.three };
export const HEADING: RunStyle = { font: M.fonts.heading, size: SIZE.three };
export const TITLE: RunStyle = { font: M.fonts.title, size: SIZE.two };
/** Twips of `chars` characters of the body's size (2 characters: the first-line indent). */
export function chars(count: number, size: number = SIZE.three): number {
  return count * size * 10;
}
