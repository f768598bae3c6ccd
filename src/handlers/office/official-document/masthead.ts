/**
 * The 版头 of a 公文: the issuing office (发文机关) and the document's kind (值班信息专报, 情况通报) in
 * red 小标宋, the issue (第N期) and the date, then the red rule across the type area; under it the
 * 签发人 line of an upward report (GB/T 9704 7.2).
 */
import { AlignmentType, BorderStyle, Paragraph, TextRun } from "docx";
import { officialDocumentMessages as M } from "../messages.ts";
import { BODY, chars, RED, SIZE, styledRun } from "./type-styles.ts";

export interface MastheadInput {
  /** 发文机关: 清河县人民政府总值班室 */
  officeName: string;
  /** 值班信息专报, 情况通报 */
  kind: string;
  /** The issue number (第N期). */
  issue: number;
  /** The date line: 2026年12月3日 */
  date: string;
}

const centred = (children: TextRun[], after = 0) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after }, children });

export function masthead(input: MastheadInput): Paragraph[] {
  const red = { font: M.fonts.title, color: RED } as const;
  return [
    centred([styledRun(input.officeName, { ...red, size: SIZE.one })], 120),
    centred([styledRun(input.kind, { ...red, size: SIZE.smallInitial })], 240),
    centred([styledRun(M.issue(input.issue), BODY)]),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: chars(1) },
      children: [styledRun(input.date, BODY)],
      // The red rule under the 版头, as wide as the type area.
      border: { bottom: { style: BorderStyle.SINGLE, size: 16, color: RED, space: 4 } },
    }),
  ];
}

/** Ideographic spaces the leader writes a name over. */
const BLANK_NAME = "\u3000".repeat(4);

/** `签发人：李书记` at the right, the name in 楷体; a blank underlined space when nobody is named. */
export function signerLine(signer: string | null): Paragraph {
  const name = signer
    ? styledRun(signer, { font: M.fonts.signer, size: SIZE.three })
    : new TextRun({
        text: BLANK_NAME,
        size: SIZE.three,
        underline: {},
        font: { eastAsia: M.fonts.signer, ascii: M.fonts.signer, hAnsi: M.fonts.signer },
      });
  return new Paragraph({
    alignment: AlignmentType.RIGHT,
    indent: { right: chars(1) },
    spacing: { before: 240 },
    children: [styledRun(M.signerLabel, BODY), name],
  });
}
