/**
 * A 舆情 item's timeline as people read it: one line per step, `12-07 09:40 青山镇 张三 核实：…`,
 * with local times and names instead of ids. Pure: the rows, the names and the time are inputs.
 * Details are read defensively: a step written without one still reads.
 */

import { shorten } from "../../office/list-text.ts";
import { detailOf, detailText } from "../../office/timeline-detail.ts";
import { opinionMessages as O } from "../messages.ts";
import type { OpinionStage } from "../opinion-types.ts";
import { OPINION_TIMELINE_WORDS as W } from "./messages.ts";

export interface ItemTimelineRow {
  at: Date;
  kind: string;
  actorId: string | null;
  detail: unknown;
}

export interface ItemTimelineView {
  personName(personId: string): string;
  /** The unit a person belongs to, when they have one (shown before their name). */
  unitOf(personId: string): string | undefined;
  levelName(levelId: string): string | undefined;
  /** A time in a timeline (`12-07 09:10`, or `09:10` today). */
  time(at: Date): string;
}

/** How much of what someone wrote (核实, 口径, 批示 …) a line quotes. */
const MAX_QUOTE = 40;
/** How much of the 已回应 note (usually the answer's link) a line quotes. */
const MAX_ANSWER = 200;

const text = detailText;

function quoted(label: string, said: string | undefined, max = MAX_QUOTE): string {
  return said ? W.quoted(label, shorten(said, max)) : label;
}

function stageName(value: unknown): string {
  return value === "verify" || value === "respond" ? O.stage[value as OpinionStage] : "";
}

/** What happened, without the time and the actor. */
export function describeItemStep(row: ItemTimelineRow, view: ItemTimelineView): string {
  const d = detailOf(row);
  switch (row.kind) {
    case "registered": {
      const level = typeof d.levelId === "string" ? view.levelName(d.levelId) : undefined;
      return level ? W.registeredLevel(level) : W.registered;
    }
    case "alerted":
      return W.alerted;
    case "read":
      return W.read;
    case "instructed":
      return quoted(W.instructed, text(d, "text"));
    case "signed":
      return W.signed;
    case "verified":
      return quoted(W.verified, text(d, "text"));
    case "drafted":
      return quoted(W.drafted, text(d, "text"));
    case "revision_asked":
      return quoted(W.revision_asked, text(d, "text"));
    case "approved":
      return W.approved;
    case "responded":
      // The answer's link is quoted whole (a cut link leads nowhere).
      return quoted(W.responded, text(d, "text"), MAX_ANSWER);
    case "reminded":
      return W.reminded(stageName(d.stage));
    case "escalated":
      return W.escalated(stageName(d.stage), typeof d.round === "number" ? d.round : undefined);
    case "converted":
      return W.converted;
    case "incident_filed":
      return W.incident_filed(text(d, "number"));
    case "closed":
      return W.closed;
    default:
      return row.kind;
  }
}

/** `12-07 09:40 青山镇 张三 核实：…`, oldest first as given; steps of the clocks have no actor. */
export function itemTimelineLines(rows: readonly ItemTimelineRow[], view: ItemTimelineView): string[] {
  return rows.map((row) => {
    const unit = row.actorId ? view.unitOf(row.actorId) : undefined;
    const who = [...(unit ? [unit] : []), ...(row.actorId ? [view.personName(row.actorId)] : [])];
    return [view.time(row.at), ...who, describeItemStep(row, view)].join(" ");
  });
}
