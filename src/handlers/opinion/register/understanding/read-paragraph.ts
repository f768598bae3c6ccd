/**
 * Reads a 舆情 registration written as one paragraph — "微博网友发帖称青山镇李家村垃圾长期无人清运，
 * 链接 https://weibo.com/…，责任单位青山镇，今天8时30分发现，阅读2.3万、转发150、评论320，级别一般" —
 * and returns what it could find, so the dialog asks only for the rest. Pure: the time, the zone,
 * the units' names and the levels are inputs. Every reading is shown before anything is filed.
 */
import { findTimeMentions } from "../../../incident/understanding/find-time-mentions.ts";
import { normalizeInput } from "../../../incident/understanding/normalize-input.ts";
import { type UnitNames, unitAtStart, unitsInText } from "../../../office/unit-names.ts";
import { findLink, LINK_LABEL } from "./link.ts";
import { findReach, hasReach, type Reach } from "./reach.ts";
import { sourceOfHost, sourceOfWords } from "./source-words.ts";

/** What a paragraph gave; a field is absent when it was not found. */
export interface ParagraphReading {
  source?: string;
  link?: string;
  content?: string;
  unitId?: string;
  /** The word after 责任单位 that names no unit. */
  unknownUnit?: string;
  foundAt?: Date;
  /** A found time later than now: not taken (the dialog asks, saying why). */
  futureFoundAt?: Date;
  reach?: Reach;
  levelId?: string;
}

export interface ParagraphOptions {
  now: Date;
  timeZone: string;
  /** Every name a unit answers to (office/unit-choice.ts namesOfUnits). */
  unitNames: UnitNames;
  /** Units a name found without the 责任单位 label may stand for (those the dialog offers). */
  offeredUnits: readonly string[];
  levels: readonly { id: string; name: string }[];
  /** How far ahead of now a found time may be (phones' clocks differ a little). */
  clockSkewMs?: number;
}

const UNIT_LABEL = /(?:责任单位|责任主体|属地|涉及单位)\s*(?::)?\s*(?:为|是)?\s*/g;
const FOUND_AFTER = /^\s*(?:许|左右)?\s*(?:被)?发现/;
const FOUND_LABEL = /发现时间\s*(?::)?\s*$/;
const TIME_BEFORE = /(?:于|在)\s*$/;
const CONTENT_LABEL = /^(?:舆情内容|内容|主要内容|反映内容|情况)\s*:\s*/;
const MIN_CONTENT = 4;
const MAX_CONTENT = 2000;
const CUT = "\u0000";

export function readParagraph(paragraph: string, options: ParagraphOptions): ParagraphReading {
  const text = normalizeInput(paragraph);
  const reading: ParagraphReading = {};
  const cuts: [number, number][] = [];

  const link = findLink(text);
  let masked = text;
  if (link) {
    reading.link = link.url;
    const label = LINK_LABEL.exec(text.slice(0, link.index));
    cuts.push([label ? label.index : link.index, link.index + link.length]);
    masked = text.slice(0, link.index) + " ".repeat(link.length) + text.slice(link.index + link.length);
  }
  const source = (link && sourceOfHost(link.host)) || sourceOfWords(masked);
  if (source) reading.source = source;

  const { reach, spans } = findReach(masked);
  if (hasReach(reach)) reading.reach = reach;
  cuts.push(...spans);

  const level = findLevel(masked, options.levels);
  if (level) {
    reading.levelId = level.id;
    cuts.push(level.span);
  }

  const unit = findUnit(masked, options);
  if (unit?.unitId) reading.unitId = unit.unitId;
  if (unit?.unknown) reading.unknownUnit = unit.unknown;
  if (unit?.span) cuts.push(unit.span);

  const found = findFoundTime(masked, options);
  if (found) {
    const skew = options.clockSkewMs ?? 5 * 60_000;
    if (found.at.getTime() <= options.now.getTime() + skew) reading.foundAt = found.at;
    else reading.futureFoundAt = found.at;
    if (found.span) cuts.push(found.span);
  }

  const content = contentOf(text, cuts);
  if ([...content].length >= MIN_CONTENT) reading.content = content.slice(0, MAX_CONTENT);
  return reading;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** 级别一般, 级别：重大, 重大舆情. */
function findLevel(
  text: string,
  levels: ParagraphOptions["levels"],
): { id: string; span: [number, number] } | null {
  if (levels.length === 0) return null;
  const names = levels.map((l) => escapeRegExp(l.name)).join("|");
  const match =
    new RegExp(`(?:舆情)?(?:级别|等级)\\s*(?::)?\\s*(?:为|是)?\\s*(${names})(?:级)?`).exec(text) ??
    new RegExp(`(${names})(?:级)?舆情`).exec(text);
  const level = match && levels.find((l) => l.name === match[1]);
  return match && level ? { id: level.id, span: [match.index, match.index + match[0].length] } : null;
}

/** 责任单位青山镇 (taken out of the content), else the one offered unit the text names. */
function findUnit(
  text: string,
  options: ParagraphOptions,
): { unitId?: string; unknown?: string; span?: [number, number] } | null {
  for (const label of text.matchAll(UNIT_LABEL)) {
    const start = label.index + label[0].length;
    const named = unitAtStart(text.slice(start), options.unitNames);
    if (named) return { unitId: named.unitId, span: [label.index, start + named.length] };
    const word = /^[^\s,，、;；。.!！?？]+/.exec(text.slice(start))?.[0];
    if (word) return { unknown: word, span: [label.index, start + word.length] };
  }
  const offered = new Set(options.offeredUnits);
  const named = [...new Set(unitsInText(text, options.unitNames).map((m) => m.unitId))].filter((id) =>
    offered.has(id),
  );
  return named.length === 1 ? { unitId: named[0] as string } : null;
}

/**
 * The found time: the time followed by 发现 (or after 发现时间), taken out of the content with its
 * 发现; else the first time the text gives, left in the content (it may tell what happened).
 */
function findFoundTime(
  text: string,
  options: ParagraphOptions,
): { at: Date; span?: [number, number] } | null {
  const mentions = findTimeMentions(text, options.now, options.timeZone);
  for (const mention of mentions) {
    const end = mention.index + mention.text.length;
    const after = FOUND_AFTER.exec(text.slice(end));
    const before = text.slice(0, mention.index);
    const label = FOUND_LABEL.exec(before);
    if (!after && !label) continue;
    const prefix = label ?? TIME_BEFORE.exec(before);
    const start = prefix ? prefix.index : mention.index;
    return { at: mention.at, span: [start, end + (after ? after[0].length : 0)] };
  }
  const first = mentions[0];
  return first ? { at: first.at } : null;
}

/** The paragraph without the parts taken out, their separators tidied, no trailing punctuation. */
function contentOf(text: string, cuts: [number, number][]): string {
  const merged: [number, number][] = [];
  for (const [from, to] of [...cuts].sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  let out = text;
  for (const [from, to] of merged.reverse()) out = `${out.slice(0, from)}${CUT}${out.slice(to)}`;
  return out
    .replace(new RegExp(`[\\s,，、;；:]*${CUT}[\\s,，、;；:${CUT}]*`, "g"), "，")
    .replace(CONTENT_LABEL, "")
    .replace(/^[\s,，、;；:。.!！]+|[\s,，、;；:。.!！]+$/g, "")
    .trim();
}
