/**
 * What a 续报 changes on the incident and how it stands: the 补报 elements it brings, the new
 * casualty counts and measures, whether every required element is now in, and whether it came
 * after the follow-up was due (accepted, but marked late). Pure: the incident, the answers, the
 * policy and the time are inputs.
 */
import type { Element } from "../../../config/incident-policy.ts";
import type { IncidentPolicy } from "../../../config/policy.ts";
import { incidentMissing } from "../alert-card.ts";
import { gradeOf } from "../incident-schedule.ts";
import type { Incident } from "../incident-store.ts";
import { nextFollowUpDue } from "../rules/timing.ts";
import { type CasualtyReport, countsOf, wordsOf } from "../understanding/casualties.ts";
import { type FollowUpData, givenCasualties, givenText } from "./follow-up-data.ts";

/** The incident columns a 续报 may change. */
export type FollowUpChanges = Partial<
  Pick<
    Incident,
    | "occurredAt"
    | "location"
    | "summary"
    | "deaths"
    | "injured"
    | "missing"
    | "casualtyWords"
    | "measures"
    | "contactName"
    | "contactPhone"
    | "contactPost"
    | "completedAt"
  >
>;

/** Kept in the `followed_up` timeline row, so the card and the receipt say the same thing however often they are built. */
export interface FollowUpFacts {
  sequence: number;
  /** When this 续报 was due (null: the grade asks for none). */
  dueAt: string | null;
  lateByMs: number;
  /** 补报 elements this 续报 brought. */
  supplemented: Element[];
  /** Required elements (their Chinese names) still missing after it. */
  stillMissing: string[];
  /** It brought the last missing element. */
  completed: boolean;
}

export interface FollowUpAssessment {
  changes: FollowUpChanges;
  facts: FollowUpFacts;
}

const MEASURES_SEPARATOR = "；";

/**
 * The columns a casualty answer sets: its counts and its words (none when it says no more than the
 * counts). Words without numbers leave the counts on file as they are.
 */
export function casualtyColumns(c: CasualtyReport): FollowUpChanges {
  const counts = countsOf(c);
  const words = { casualtyWords: wordsOf(c) };
  return counts
    ? { deaths: counts.deaths, injured: counts.injured, missing: counts.missing, ...words }
    : words;
}

export function assessFollowUp(
  current: Incident,
  data: Partial<FollowUpData>,
  policy: IncidentPolicy,
  at: Date,
): FollowUpAssessment {
  const changes: FollowUpChanges = {};
  const supplemented: Element[] = [];
  const asked = new Set(data.missingAtStart ?? []);
  if (asked.has("occurred_at") && data.occurredAt) {
    changes.occurredAt = new Date(data.occurredAt);
    supplemented.push("occurred_at");
  }
  if (asked.has("location") && data.location?.trim()) {
    changes.location = data.location.trim();
    supplemented.push("location");
  }
  if (asked.has("summary") && data.summary?.trim()) {
    changes.summary = data.summary.trim();
    supplemented.push("summary");
  }
  if (asked.has("casualties") && data.casualties) {
    Object.assign(changes, casualtyColumns(data.casualties));
    supplemented.push("casualties");
  }
  const casualtiesNow = givenCasualties(data.casualtiesNow);
  if (casualtiesNow) Object.assign(changes, casualtyColumns(casualtiesNow));
  if (asked.has("measures") && data.measures?.trim()) {
    changes.measures = data.measures.trim();
    supplemented.push("measures");
  }
  const newMeasures = givenText(data.newMeasures);
  if (newMeasures)
    changes.measures = current.measures?.trim()
      ? `${current.measures.trim()}${MEASURES_SEPARATOR}${newMeasures}`
      : newMeasures;
  if (asked.has("contact") && data.contact?.phone) {
    changes.contactName = data.contact.name ?? null;
    changes.contactPhone = data.contact.phone;
    changes.contactPost = data.contact.post ?? null;
    supplemented.push("contact");
  }

  const stillMissing = incidentMissing({ ...current, ...changes }, policy);
  const completed = current.completedAt === null && stillMissing.length === 0;
  if (completed) changes.completedAt = at;

  const due = nextFollowUpDue(current.lastReportAt, gradeOf(policy, current.gradeId));
  return {
    changes,
    facts: {
      sequence: current.followUpCount + 1,
      dueAt: due?.toISOString() ?? null,
      lateByMs: due ? Math.max(0, at.getTime() - due.getTime()) : 0,
      supplemented,
      stillMissing,
      completed,
    },
  };
}
