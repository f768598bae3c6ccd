/**
 * A 公文 as a .docx (GB/T 9704-2012, as far as Word's model goes): A4 with margins 上37 下35 左28
 * 右26 mm, the red 版头, the 签发人 line of an upward report, the title, the body, and page numbers
 * `— N —` at the outer edge (odd pages right, even pages left). Built with the docx library; the
 * document's default run is the body's 仿宋_GB2312 三号, so any text without a style of its own
 * reads as body text.
 */
import { Document, Packer, type Paragraph, type Table } from "docx";
import { instantToLocal } from "../../../bot/core/wall-clock.ts";
import { officialDocumentMessages as M } from "../messages.ts";
import { bodyBlocks, type OfficialBlock, titleParagraphs } from "./body-blocks.ts";
import { type MastheadInput, masthead, signerLine } from "./masthead.ts";
import { pageNumberFooters } from "./page-footer.ts";
import { SIZE } from "./type-styles.ts";

export type { OfficialBlock };

/** Millimetres in twips, rounded (A4 is 11906 × 16838, as Word writes it). */
const mm = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);

export interface OfficialDocument extends MastheadInput {
  /**
   * 签发人: a name, null for a blank the leader fills in, undefined for no 签发人 line (a 通报 goes
   * down, not up).
   */
  signer?: string | null;
  title: string;
  blocks: readonly OfficialBlock[];
}

/** `2026年12月3日`: the local day of `at` in `timeZone`, as a 公文 dates itself. */
export function officialDate(at: Date, timeZone: string): string {
  const t = instantToLocal(at, timeZone);
  return M.date(t.year, t.month, t.day);
}

/** `2026年12月3日14时05分`, as a 公文 writes a time. */
export function officialDateTime(at: Date, timeZone: string): string {
  const t = instantToLocal(at, timeZone);
  return M.dateTime(t.year, t.month, t.day, t.hour, t.minute);
}

export async function officialDocx(input: OfficialDocument): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [
    ...masthead(input),
    ...(input.signer === undefined ? [] : [signerLine(input.signer)]),
    ...titleParagraphs(input.title),
    ...bodyBlocks(input.blocks),
  ];
  const body = M.fonts.body;
  const document = new Document({
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: { ascii: body, hAnsi: body, eastAsia: body, cs: body }, size: SIZE.three },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: {
              top: mm(37),
              bottom: mm(35),
              left: mm(28),
              right: mm(26),
              // The page number's top 7 mm under the type area (GB/T 9704 7.5).
              footer: mm(23),
              header: mm(15),
            },
          },
        },
        footers: pageNumberFooters(),
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
