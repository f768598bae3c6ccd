/**
 * The body of a 公文: paragraphs in 仿宋_GB2312 三号 on a fixed 28.95pt line with a two-character
 * first-line indent, first-level headings (一、二、) in 黑体 三号, tables of plain cells, and the
 * closing lines (报送单位, 联系人) flush with the indent.
 */
import {
  AlignmentType,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  VerticalAlign,
  WidthType,
} from "docx";
import { BODY, BODY_LINE, chars, HEADING, type RunStyle, SIZE, styledRun, TITLE } from "./type-styles.ts";

/** One piece of a 公文's body. */
export type OfficialBlock =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "table"; columns: string[]; rows: string[][] };

const exactLine = { line: BODY_LINE, lineRule: LineRuleType.EXACT } as const;

function bodyParagraph(text: string, style: RunStyle): Paragraph {
  return new Paragraph({
    indent: { firstLine: chars(2), firstLineChars: 200 },
    spacing: exactLine,
    alignment: AlignmentType.JUSTIFIED,
    children: [styledRun(text, style)],
  });
}

/** The title: 小标宋 二号, centred, with a blank line of the body above and below. */
export function titleParagraphs(title: string): Paragraph[] {
  const blank = () => new Paragraph({ spacing: exactLine, children: [] });
  return [
    blank(),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.EXACT },
      children: [styledRun(title, TITLE)],
    }),
    blank(),
  ];
}

const CELL: RunStyle = { font: BODY.font, size: SIZE.four };
const HEAD_CELL: RunStyle = { font: HEADING.font, size: SIZE.four };

function cell(text: string, style: RunStyle): TableCell {
  return new TableCell({
    verticalAlign: VerticalAlign.CENTER,
    children: text
      .split("\n")
      .map((line) => new Paragraph({ alignment: AlignmentType.LEFT, children: [styledRun(line, style)] })),
  });
}

function table(columns: string[], rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: columns.map((c) => cell(c, HEAD_CELL)) }),
      ...rows.map((row) => new TableRow({ children: row.map((c) => cell(c, CELL)) })),
    ],
  });
}

export function bodyBlocks(blocks: readonly OfficialBlock[]): (Paragraph | Table)[] {
  return blocks.map((block) => {
    if (block.kind === "table") return table(block.columns, block.rows);
    return bodyParagraph(block.text, block.kind === "heading" ? HEADING : BODY);
  });
}
