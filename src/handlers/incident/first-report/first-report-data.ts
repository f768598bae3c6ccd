/** The first report (首报) as the dialog collects it; times are ISO strings (dialog state is JSON). */
import type { DialogData } from "../../../bot/core/dialog/definition.ts";
import { casualtyMessages as M } from "../messages.ts";
import type { Casualties } from "../understanding/casualties.ts";
import type { Contact } from "../understanding/contact.ts";

export interface FirstReportData extends DialogData {
  type: string;
  occurredAt: string | null;
  learnedAt?: string | null;
  location: string;
  summary: string;
  casualties: Casualties | null;
  gradeId: string;
  measures: string | null;
  contact: Contact | null;
  /** The paragraph the report was started from, kept as written. */
  source?: string;
}

export function casualtiesText(c: Casualties | null | undefined): string {
  if (!c) return M.unknown;
  if (c.deaths + c.injured + c.missing === 0) return M.none;
  const parts = [
    c.deaths > 0 ? M.deaths(c.deaths) : "",
    c.injured > 0 ? M.injured(c.injured) : "",
    c.missing > 0 ? M.missing(c.missing) : "",
  ];
  return parts.filter(Boolean).join("，");
}

export function contactText(c: Contact | null | undefined): string {
  if (!c) return "";
  return [c.post, c.name, c.phone].filter(Boolean).join(" ");
}
