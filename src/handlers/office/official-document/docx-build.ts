/**
 * The docx library's side of {@link officialDocx}, loaded only when a document is made: the page
 * (A4, GB/T 9704's margins), the default body run, the footers and the content in order.
 */
import { Document, Packer, type Paragraph, type Table } from "docx";
import { officialDocumentMessages as M } from "../messages.ts";
import { bodyBlocks, titleParagraphs } from "./body-blocks.ts";
import { masthead, signerLine } from "./masthead.ts";
import type { OfficialDocument } from "./official-document.ts";
import { pageNumberFooters } from "./page-footer.ts";
import { SIZE } from "./type-styles.ts";

/** Millimetres in twips, rounded (A4 is 11906 × 16838, as Word writes it). */
const mm = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);

export async function buildOfficialDocx(input: OfficialDocument): Promise<Uint8Array> {
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
