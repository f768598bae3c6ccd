/**
 * The paragraph 转突发 opens the incident 首报 dialog with, written the way a clerk would report
 * the item, so that the incident's paragraph reader fills what it can: the found time as when the
 * office learnt of it (接报时间), the place named in the content, and the account itself (the
 * number, source and link ride along for the record). Pure.
 */
import { instantToLocal } from "../../../bot/core/wall-clock.ts";
import type { OpinionItem } from "../opinion-types.ts";
import { oversightMessages as M } from "./messages.ts";

/** Characters that may run between the unit's name and the village or community it names. */
const PLACE_TAIL =
  /^(?:(?!村|组|社区|街道|小区)[\p{Script=Han}\d]){0,8}(?:村委会|居委会|社区|街道|小区|村|组)(?![民委])/u;

/**
 * The place the content names inside the responsible unit: its name and the village, community or
 * group right after it (`青山镇李家村`), or the name alone; null when the content does not name it.
 */
export function placeInContent(content: string, unitName: string): string | null {
  const at = unitName ? content.indexOf(unitName) : -1;
  if (at < 0) return null;
  const tail = PLACE_TAIL.exec(content.slice(at + unitName.length));
  return unitName + (tail?.[0] ?? "");
}

/** The content without the sentence-ending marks a paragraph adds its own to. */
function bare(text: string): string {
  return text.trim().replace(/[。．.！!；;，,\s]+$/u, "");
}

export function convertParagraph(
  item: Pick<OpinionItem, "number" | "content" | "foundAt" | "source" | "link">,
  unitName: string,
  timezone: string,
): string {
  const t = instantToLocal(item.foundAt, timezone);
  return M.paragraph({
    found: M.foundTime(t.year, t.month, t.day, t.hour, t.minute),
    content: bare(item.content),
    place: placeInContent(item.content, unitName),
    number: item.number,
    source: item.source,
    link: item.link,
  });
}
