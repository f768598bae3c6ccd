/** Which required elements a report still lacks (待补), in the policy's order. */
import type { Element } from "../../../config/incident-policy.ts";

export interface ReportElements {
  occurredAt?: Date | null;
  location?: string | null;
  summary?: string | null;
  casualties?: { deaths: number; injured: number; missing: number } | null;
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

export const ELEMENT_NAMES: Record<Element, string> = {
  occurred_at: "事发时间",
  location: "地点",
  summary: "基本情况",
  casualties: "伤亡情况",
  measures: "已采取措施",
  contact: "现场负责人及电话",
};
