/**
 * What the 续报 and 终报 dialogs collect. Dialog state is JSON, so times are ISO strings; the
 * incident is named by id and number, and the elements it lacked when the dialog started decide
 * which 补报 steps are asked.
 */
import type { DialogData } from "../../../bot/core/dialog/definition.ts";
import type { Element } from "../../../config/incident-policy.ts";
import type { CasualtyReport } from "../understanding/casualties.ts";
import type { Contact } from "../understanding/contact.ts";
import { NOT_UPDATED, NOTHING_NEW } from "./messages.ts";

export { NOT_UPDATED, NOTHING_NEW };

/** What both dialogs know about their incident from the start. */
export interface IncidentRef extends DialogData {
  incidentId: number;
  number: string;
  /** `青山镇 · 事故灾难`, for the intro and the summary. */
  what: string;
  /** The casualties on file when the dialog started, to show what "未更新" keeps. */
  casualtiesOnFile: CasualtyReport | null;
}

export interface FollowUpData extends IncidentRef {
  /** Required elements the incident lacked when the dialog started: their 补报 steps are asked first. */
  missingAtStart: Element[];
  /** The number this 续报 will most likely get (the filing decides). */
  sequence: number;
  /** When it is due, so the summary can say whether it is late (null: the grade asks for none). */
  dueAt: string | null;
  occurredAt?: string | null;
  location?: string;
  summary?: string;
  casualties?: CasualtyReport | null;
  measures?: string | null;
  contact?: Contact | null;
  progress: string;
  casualtiesNow: CasualtyReport | typeof NOT_UPDATED | null;
  newMeasures: string | null;
}

export interface FinalReportData extends IncidentRef {
  outcome: string;
  cause: string | null;
  aftermath: string | null;
  finalCasualties: CasualtyReport | typeof NOT_UPDATED | null;
}

/** Casualties given in a reply, or null when the reply kept the counts on file. */
export function givenCasualties(
  value: CasualtyReport | typeof NOT_UPDATED | null | undefined,
): CasualtyReport | null {
  return value && value !== NOT_UPDATED ? value : null;
}

/** Text given in a reply, or null when there was nothing new. */
export function givenText(value: string | null | undefined): string | null {
  const text = value?.trim();
  return text && text !== NOTHING_NEW ? text : null;
}
