/**
 * What the 月度通报 (.docx) says: the 通报's own card, field by field, as numbered sections (总体,
 * 迟报, 漏报, 按时报送单位, 督办逾期), its closing note, and a table of the late and missed reports of
 * each unit that had any (the same words the card uses). Pure: nothing is counted again here.
 */
import type { OfficialBlock } from "../../office/official-document/official-document.ts";
import { noticeDocumentMessages as D } from "../messages.ts";
import { lateParts, missedParts } from "../monthly-notice.ts";
import type { MonthlyNotice } from "../notice.ts";

export interface NoticeDocumentContent {
  title: string;
  blocks: OfficialBlock[];
}

export function noticeDocumentContent(notice: MonthlyNotice): NoticeDocumentContent {
  const { card, input } = notice;
  const paragraphs = (text: string): OfficialBlock[] =>
    text.split("\n").map((line) => ({ kind: "paragraph", text: line }));
  const sections = card.fields.flatMap((field, i): OfficialBlock[] => [
    { kind: "heading", text: D.section(D.sectionNumbers[i] ?? String(i + 1), field.label) },
    ...paragraphs(field.value),
  ]);
  const flagged = input.units.filter((u) => u.lateTotal > 0 || u.missedTotal > 0);
  const rows = flagged.map((u) => [
    input.unitName(u.unitId),
    lateParts(u.unitId, input.facts).join("\n") || D.none,
    missedParts(u.unitId, input.facts).join("\n") || D.none,
  ]);
  return {
    title: D.title(input.periodLabel),
    blocks: [
      { kind: "paragraph", text: D.opening(input.periodLabel) },
      ...sections,
      ...(card.note ? paragraphs(card.note) : []),
      ...(rows.length > 0
        ? [
            { kind: "heading", text: D.tableHeading } as const,
            { kind: "table", columns: D.columns, rows } as const,
          ]
        : []),
    ],
  };
}
