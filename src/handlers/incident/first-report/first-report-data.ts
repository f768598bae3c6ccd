/** The first report (首报) as the dialog collects it; times are ISO strings (dialog state is JSON). */
import type { DialogData, DialogOrigin } from "../../../bot/core/dialog/definition.ts";
import { casualtyMessages as M } from "../messages.ts";
import { type CasualtyReport, countsOf, wordsOf } from "../understanding/casualties.ts";
import type { Contact } from "../understanding/contact.ts";

export interface FirstReportData extends DialogData {
  type: string;
  occurredAt: string | null;
  learnedAt?: string | null;
  location: string;
  summary: string;
  /** Counts with the reporter's words when they say more, or the words alone (no numbers given). */
  casualties: CasualtyReport | null;
  gradeId: string;
  /** The grade the dialog filled in from the casualties (a paragraph that left only the grade open). */
  suggestedGradeId?: string;
  /** 事发时间 read from the paragraph but later than now, so not taken (ISO): the 识别 card says so. */
  futureOccurredAt?: string;
  measures: string | null;
  contact: Contact | null;
  /** The paragraph the report was started from, kept as written. */
  source?: string;
  /** The item the 首报 was started from (转突发 on a 舆情 item), told to its capability once filed. */
  origin?: DialogOrigin;
}

/**
 * How casualties read on cards: the counts, with the person's words beside them when they say more;
 * the words alone when no number was given. Never 无 when the words tell of people hurt, in hospital,
 * trapped or missing (such words are kept, and a count of 0 then shows them instead).
 */
export function casualtiesText(c: CasualtyReport | null | undefined): string {
  const counts = countsOf(c);
  const words = wordsOf(c);
  if (!counts) return words ? M.uncounted(words) : M.unknown;
  if (counts.deaths + counts.injured + counts.missing === 0) return words ?? M.none;
  const parts = [
    counts.deaths > 0 ? M.deaths(counts.deaths) : "",
    counts.injured > 0 ? M.injured(counts.injured) : "",
    counts.missing > 0 ? M.missing(counts.missing) : "",
  ];
  const text = parts.filter(Boolean).join("，");
  return words ? M.withWords(text, words) : text;
}

/** The casualties of an incident row: its counts (null when unknown) and the words kept with them. */
export function casualtiesOnFile(incident: {
  deaths: number | null;
  injured: number | null;
  missing: number | null;
  casualtyWords: string | null;
}): CasualtyReport | null {
  const words = incident.casualtyWords ?? undefined;
  if (incident.deaths === null) return words ? { words } : null;
  const counts = { deaths: incident.deaths, injured: incident.injured ?? 0, missing: incident.missing ?? 0 };
  return words ? { ...counts, words } : counts;
}

export function contactText(c: Contact | null | undefined): string {
  if (!c) return "";
  return [c.post, c.name, c.phone].filter(Boolean).join(" ");
}
