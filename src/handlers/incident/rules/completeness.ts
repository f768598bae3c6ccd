/** Which required elements a report still lacks (待补), in the policy's order. */
import type { Element } from "../../../config/incident-policy.ts";
import type { Casualties } from "../understanding/casualties.ts";

export interface ReportElements {
  occurredAt?: Date | null;
  location?: string | null;
  summary?: string | null;
  casualties?: Casualties | null;
  measures?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
}

const present: Record<Element, (r: ReportElements) => boolean> = {
  occurred_at: (r) => r.occurredAt instanceof Date,
  location: (r) => Boolean(r.location?.trim()),
  summary: (r) => Boolean(r.summary?.trim()),
  casualties: (r) => r.casualties !== null && r.casualties !== undefined,
  measures: (r) => Boolean(r.measures?.trim()),
  contact: (r) => Boolean(r.contactName?.trim() && r.contactPhone?.trim()),
};

export function missingElements(report: ReportElements, required: readonly Element[]): Element[] {
  return required.filter((element) => !present[element](report));
}
