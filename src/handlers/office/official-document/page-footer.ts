/**
 * The page number of a 公文: 4号半角宋体 Arabic numerals between one-em dashes (`— 1 —`), odd pages
 * at the right and even pages at the left, each one character in from the margin (GB/T 9704 7.5).
 */
import { AlignmentType, Footer, PageNumber, Paragraph, TextRun } from "docx";
import { officialDocumentMessages as M } from "../messages.ts";
import { chars, SIZE } from "./type-styles.ts";

const DASH = "\u2014";

function pageNumberFooter(side: "odd" | "even"): Footer {
  const font = M.fonts.pageNumber;
  const indent = chars(1, SIZE.four);
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === "odd" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === "odd" ? { right: indent } : { left: indent },
        children: [
          new TextRun({
            children: [`${DASH} `, PageNumber.CURRENT, ` ${DASH}`],
            font: { ascii: font, hAnsi: font, eastAsia: font, cs: font },
            size: SIZE.four,
          }),
        ],
      }),
    ],
  });
}

/** The section's footers: `default` is used for odd pages once even and odd pages differ. */
export function pageNumberFooters(): { default: Footer; even: Footer } {
  return { default: pageNumberFooter("odd"), even: pageNumberFooter("even") };
}
