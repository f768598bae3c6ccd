/**
 * `交办 青山镇、白水乡 明天12时前 报送防汛物资储备情况` read into its parts: the units (first 牵头,
 * the others 配合), the deadline phrase (before or after the content) and the content. What is not
 * there stays out, so the dialog asks only for it. Pure: the text and the units' names are inputs;
 * the deadline phrase is read by deadline-phrase.ts (its words: understanding/deadline-words.ts).
 */

import { UNIT_SEPARATOR, type UnitNames, unitAtStart } from "../../../office/unit-names.ts";
import { DEADLINE_PATTERN } from "../../understanding/deadline-words.ts";

/** The parts of a one-line 交办 (each absent when not written). */
export interface AssignLine {
  unitIds: string[];
  /** A first word that looks like a unit but names none (城关镇): to tell the person. */
  unknownUnit?: string;
  /** The deadline as written (明天12时前), to be read with parseDeadline. */
  deadline?: string;
  content?: string;
}

/** Words that end a unit's name: a first word ending so, and naming no unit, is an unknown unit. */
const UNIT_LIKE = /^[^\s、，,：:]{2,12}?(?:镇|乡|街道|局|委|办|中心|所|站|队|院|公司|部|室)(?=[\s、，,]|$)/;
const HEAD = new RegExp(`^(?:${DEADLINE_PATTERN})`);
const TAIL = new RegExp(`[\\s，,。；;](?:${DEADLINE_PATTERN})[。.]?$`);
const EXPLICIT_END = /(?:前|内|为止)$/;

/**
 * Reads the arguments of `交办`. `isDeadline` tells a deadline phrase from other words (the caller's
 * parseDeadline, read at now: anything but "unknown").
 */
export function parseAssignLine(
  text: string,
  names: UnitNames,
  isDeadline: (phrase: string) => boolean,
): AssignLine {
  let rest = text.trim();
  const unitIds: string[] = [];
  for (;;) {
    const unit = unitAtStart(rest, names);
    if (!unit) break;
    if (!unitIds.includes(unit.unitId)) unitIds.push(unit.unitId);
    rest = rest.slice(unit.length);
    const separator = UNIT_SEPARATOR.exec(rest)?.[0] ?? "";
    if (!unitAtStart(rest.slice(separator.length), names)) break;
    rest = rest.slice(separator.length);
  }
  rest = trimLeading(rest);
  const line: AssignLine = { unitIds };
  if (unitIds.length === 0) {
    const unknown = UNIT_LIKE.exec(rest)?.[0];
    if (unknown && !isDeadline(unknown)) {
      line.unknownUnit = unknown;
      rest = trimLeading(rest.slice(unknown.length));
    }
  }
  const head = deadlineAtStart(rest, isDeadline);
  if (head) {
    line.deadline = head;
    rest = trimLeading(rest.slice(head.length));
  } else {
    const tail = TAIL.exec(rest);
    const phrase = tail?.[0]
      .replace(/^[\s，,。；;]/, "")
      .replace(/[。.]$/, "")
      .trim();
    if (tail && phrase && isDeadline(phrase)) {
      line.deadline = phrase;
      rest = rest.slice(0, tail.index).trim();
    }
  }
  const content = rest.replace(/[\s，,；;]+$/, "").trim();
  if (content) line.content = content;
  return line;
}

/** The deadline the text starts with: its first two words or first word when they are one, else a phrase ending in 前/内. */
function deadlineAtStart(text: string, isDeadline: (phrase: string) => boolean): string | null {
  const twoWords = /^[^\s，,；;]+\s[^\s，,；;]+/.exec(text)?.[0];
  if (twoWords && isDeadline(twoWords)) return twoWords;
  const firstWord = /^[^\s，,；;]+/.exec(text)?.[0];
  if (firstWord && isDeadline(firstWord)) return firstWord;
  const phrase = HEAD.exec(text)?.[0];
  if (phrase && EXPLICIT_END.test(phrase) && isDeadline(phrase)) return phrase;
  return null;
}

function trimLeading(text: string): string {
  return text.replace(/^[\s，,、：:；;]+/, "");
}
