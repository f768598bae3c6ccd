/**
 * An incident's timeline as people read it: one line per step, `14:28 李书记 已阅`, with local
 * times and names instead of ids. Pure: the rows, the names and the time are inputs, so every
 * kind of step can be tested without a database.
 */
import { stringList } from "../../bot/core/string-list.ts";
import type { Element } from "../../config/incident-policy.ts";
import { formatDurationZh, shortLocalTime } from "../office/time-format.ts";
import { detailOf } from "../office/timeline-detail.ts";
import { followUpTitle } from "./follow-up/ordinal.ts";
import { ELEMENT_NAMES, TIMELINE_WORDS as W } from "./messages.ts";

export interface TimelineRow {
  at: Date;
  kind: string;
  actorId: string | null;
  detail: unknown;
}

export interface TimelineView {
  now: Date;
  timeZone: string;
  /** A person's name from their id (the id itself when unknown). */
  nameOf(personId: string): string;
  /** The text of an instruction (批示) by its id, when known. */
  instructionText?(instructionId: number): string | undefined;
}

/** Steps that follow from someone's action but are not theirs: a flag is the bot's finding, a close follows a 终报. */
const SYSTEM_STEPS = /^(?:flagged_|closed$)/;

/** Whether a step is told with who did it (a flag is the bot's, a close follows a 终报: neither is). */
export function showsActor(
  row: Pick<TimelineRow, "kind" | "actorId">,
): row is { kind: string; actorId: string } {
  return row.actorId !== null && !SYSTEM_STEPS.test(row.kind);
}

/** How many names a line lists before `等 N 人`. */
const MAX_NAMES = 4;
/** How much of an instruction a line quotes. */
const MAX_QUOTE = 30;

function ids(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return stringList(value);
}

function names(value: unknown, view: TimelineView): string {
  const list = ids(value).map((id) => view.nameOf(id));
  if (list.length <= MAX_NAMES) return list.join("、");
  return W.moreNames(list.slice(0, MAX_NAMES).join("、"), list.length);
}

/** Element ids (`location`) or names already in Chinese (`地点`), as the rows hold either. */
function elementNames(value: unknown): string {
  return ids(value)
    .map((e) => ELEMENT_NAMES[e as Element] ?? e)
    .join("、");
}

function num(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

function quote(text: string): string {
  return text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE)}…` : text;
}

/** What happened, without the time and the actor. */
export function describeStep(row: TimelineRow, view: TimelineView): string {
  const d = detailOf(row);
  const withNames = (label: string, who: unknown) => {
    const list = names(who, view);
    return list ? `${label} ${list}` : label;
  };
  switch (row.kind) {
    case "reported":
      return W.reported;
    case "alerted":
      return `${withNames(W.alerted, d.recipients)}${d.urgent === true ? W.urgent : ""}`;
    case "escalated":
      return withNames(W.escalated((num(d.level) ?? 0) + 1), d.recipients);
    case "acknowledged":
      return W.acknowledged;
    case "renotified":
      return withNames(W.renotified, d.to);
    case "follow_up_requested":
      return W.followUpRequested;
    case "instructed": {
      const id = num(d.instructionId);
      const text = id === undefined ? undefined : view.instructionText?.(id);
      return text ? `${W.instructed}：${quote(text)}` : W.instructed;
    }
    case "confirmed":
      return W.confirmed;
    case "chased":
      return withNames(W.chased, d.people);
    case "followed_up": {
      const late = num(d.lateByMs) ?? 0;
      const title = followUpTitle(num(d.sequence) ?? 1);
      return late > 0 ? `${title}${W.lateSuffix(formatDurationZh(late))}` : title;
    }
    case "final":
      return W.final;
    case "closed":
      return W.closed;
    case "flagged_late":
      return W.late(formatDurationZh(Math.max(0, num(d.lateByMs) ?? 0)));
    case "flagged_incomplete":
      return d.stage === "due" ? W.overdue(elementNames(d.missing)) : W.incomplete(elementNames(d.missing));
    case "flagged_missed": {
      const due = typeof d.dueAt === "string" ? new Date(d.dueAt) : null;
      const valid = due && !Number.isNaN(due.getTime());
      return W.missed(valid ? shortLocalTime(due, view.now, view.timeZone) : undefined);
    }
    case "reminded":
      if (d.stage === "reporter") return withNames(W.remindReporter, d.to);
      if (d.stage === "director") return withNames(W.remindDirector, d.to);
      if (d.instructionId !== undefined) return withNames(W.remindLeader, d.to);
      return withNames(W.reminded, d.to);
    default:
      return row.kind;
  }
}

/** `14:25 张三 上报`, `14:35 逐级提醒（第 2 级） 吴主任、钱镇长`, oldest first as given. */
export function timelineLines(rows: readonly TimelineRow[], view: TimelineView): string[] {
  return rows.map((row) => {
    const time = shortLocalTime(row.at, view.now, view.timeZone);
    const actor = showsActor(row) ? `${view.nameOf(row.actorId)} ` : "";
    return `${time} ${actor}${describeStep(row, view)}`;
  });
}
