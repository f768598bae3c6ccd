/**
 * Understanding what staff type about an incident: times, casualty counts, whole report paragraphs,
 * and durations for lateness labels. Pure functions of their inputs (the reference time and the
 * time zone are parameters), used by the incident dialogs and tested by the hundred.
 */

export { formatDurationZh } from "../../office/time-format.ts";
export type { Casualties } from "./casualties.ts";
export type { Contact } from "./contact.ts";
export { type ExtractedReport, type ExtractOptions, extractReport } from "./extract-report.ts";
export { findTimeMentions, type TimeMention } from "./find-time-mentions.ts";
export { classifyIncidentType, INCIDENT_KINDS, type IncidentKind } from "./incident-type.ts";
export { type CasualtiesResult, DEFAULT_MAX_CASUALTIES, parseCasualties } from "./parse-casualties.ts";
export { type EventTimeResult, parseEventTime } from "./parse-event-time.ts";
