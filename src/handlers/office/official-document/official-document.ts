/**
 * A 公文 as a .docx (GB/T 9704-2012, as far as Word's model goes): A4 with margins 上37 下35 左28
 * 右26 mm, the red 版头, the 签发人 line of an upward report, the title, the body, and page numbers
 * `— N —` at the outer edge (odd pages right, even pages left). Built with the docx library; the
 * document's default run is the body's 仿宋_GB2312 三号, so any text without a style of its own
 * reads as body text.
 */
import { instantToLocal } from "../../../bot/core/wall-clock.ts";
import { officialDocumentMessages as M } from "../messages.ts";
import type { OfficialBlock } from "./body-blocks.ts";
import type { MastheadInput } from "./masthead.ts";

export type { OfficialBlock };

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

/**
 * The .docx of `input`. The docx library (and what builds with it) is loaded on the first document,
 * not at start: most processes never make one, and it would stay in every heap.
 */
export async function officialDocx(input: OfficialDocument): Promise<Uint8Array> {
  const { buildOfficialDocx } = await import("./docx-build.ts");
  return buildOfficialDocx(input);
}
