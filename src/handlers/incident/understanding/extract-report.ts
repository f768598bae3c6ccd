/**
 * Reads a first report the way clerks write it in a chat, one paragraph:
 * "今天14时20分，青山镇李家村村道发生一起两车相撞事故，造成2人死亡、3人受伤，镇长已带队赶赴现场，
 * 伤员已送县医院救治。现场负责人：钱镇长，电话13800000042。"
 * and returns the elements it could find, so the bot asks only for what is missing (补报). Every
 * field is a best reading of free text: the dialog shows them for confirmation before anything is
 * filed.
 */
import { type CasualtyReport, casualtyReport, scanCasualties } from "./casualties.ts";
import { type Clause, splitClauses } from "./clauses.ts";
import { type Contact, findContact } from "./contact.ts";
import { findTimeMentions, type TimeMention } from "./find-time-mentions.ts";
import { classifyIncidentType } from "./incident-type.ts";
import { normalizeInput } from "./normalize-input.ts";
import { DEFAULT_MAX_CASUALTIES } from "./parse-casualties.ts";
import { placeAfterPreposition, placeAtStart, wholePlace } from "./place-name.ts";
import { CONTACT_LABEL, EVENT_VERB, LANDLINE, LEAD_IN, LEARNT, MEASURE, MOBILE } from "./report-words.ts";

/** The elements of a report found in a paragraph; a field is absent when it was not found. */
export interface ExtractedReport {
  /** 事发时间. */
  occurredAt?: Date;
  /** 事发地点, as written ("青山镇李家村村道"). */
  location?: string;
  /** One of the office's configured kinds. */
  type?: string;
  /** 基本经过 in the clerk's words, from the clause saying what happened to the end of that account. */
  summary?: string;
  /** Counts with the clerk's words when they say more, or the words alone when they give no number. */
  casualties?: CasualtyReport;
  /** 已采取措施: the clauses saying what has been or is being done, joined with "，". */
  measures?: string;
  /** 现场负责人. */
  contact?: Contact;
  /** 接报时间: when the office was told, where the text says so ("14时35分，县应急局接到报告"). */
  learnedAt?: Date;
}

/** What the extractor needs besides the text. */
export interface ExtractOptions {
  /** When the paragraph was written: 今天, 昨天 and bare clock times are read against it. */
  now: Date;
  /** The office's IANA zone (Asia/Shanghai). */
  timeZone: string;
  /** The office's incident kinds; `type` is one of them. */
  types: readonly string[];
  /** Counts above this are taken for typos and left out (default `DEFAULT_MAX_CASUALTIES`). */
  maxCasualties?: number;
}

// A clause that is only a time: "今天14时20分", "7月15日凌晨2时至6时", "截至14时".
const ONLY_TIME_LEFT = /^[约于在至到和及许左右前后~\-—截止\s]*$/;
const RANGE_BEFORE = /(?:至|到|截至|截止|~|-|—)\s*$/;
const LABEL_BEFORE = /时间$/;
const PLACE_LABEL = /^(?:事发|发生|事件)?(?:地点|地址|位置)$/;
const SUMMARY_STOP = /^(?:其中|经|据|截至|截止|目前|现|造成|致使|导致)/;

/**
 * The report elements in `paragraph`. A paragraph that says nothing of an incident (no kind, no
 * event, no casualty count) gives `{}`, even if it has a time, a place, a phone number or a 已.
 */
export function extractReport(paragraph: string, options: ExtractOptions): ExtractedReport {
  const text = normalizeInput(paragraph);
  const clauses = splitClauses(text);
  const mentions = findTimeMentions(text, options.now, options.timeZone);
  const report: ExtractedReport = {};

  const times = eventAndLearnedTimes(text, clauses, mentions);
  if (times.occurredAt) report.occurredAt = times.occurredAt;

  const eventIndex = clauses.findIndex((c) => isEventClause(c, mentions));
  const type = classifyIncidentType(text, options.types);
  const summaryClauses = summaryOf(clauses, eventIndex, options.types, mentions);

  const location = locationOf(clauses, eventIndex, mentions);
  if (location) report.location = location;
  if (type) report.type = type;
  if (summaryClauses.length > 0) {
    report.summary = summaryClauses.map((c, i) => (i === 0 ? account(c, mentions) : c.text)).join("，");
  }

  const casualties = casualtiesOf(clauses, options.maxCasualties ?? DEFAULT_MAX_CASUALTIES);
  if (casualties) report.casualties = casualties;

  // A time or a place alone is not an incident: "明天上午9时在县政府三楼会议室开会".
  const hasIncident =
    report.type !== undefined || report.summary !== undefined || report.casualties !== undefined;
  if (!hasIncident) return {};

  const measures = clauses.filter((c) => isMeasure(c) && !summaryClauses.includes(c)).map((c) => c.text);
  if (measures.length > 0) report.measures = measures.join("，");
  const contact = findContact(text);
  if (contact) report.contact = contact;
  if (times.learnedAt) report.learnedAt = times.learnedAt;
  return report;
}

/**
 * The first time of the event and the first time the office was told. A time is 接报 when its
 * clause says so ("于14时35分接到报告"), when it stands alone before a clause that does
 * ("14时35分，县值班室接到…"), or after a label ("接报时间：…"); times after 至/截至 and of the
 * response (已于10时50分被扑灭; "15时10分，县应急局工作人员赶到现场") are not the time of the event.
 */
function eventAndLearnedTimes(
  text: string,
  clauses: Clause[],
  mentions: TimeMention[],
): { occurredAt?: Date; learnedAt?: Date } {
  const found: { occurredAt?: Date; learnedAt?: Date } = {};
  for (const mention of mentions) {
    const at = clauses.findIndex((c) => mention.index >= c.index && mention.index < c.index + c.text.length);
    const clause = clauses[at];
    if (!clause) continue;
    const previous = clauses[at - 1];
    const next = clauses[at + 1];
    const rest = withoutTimes(clause, mentions);
    const alone = ONLY_TIME_LEFT.test(rest);
    const label = previous && LABEL_BEFORE.test(previous.text) ? previous.text : "";

    const learnt = label
      ? /接报|接警|报告|报送|获悉/.test(label)
      : LEARNT.test(rest) ||
        (alone && next !== undefined && next.sentence === clause.sentence && LEARNT.test(next.text));
    if (learnt) {
      found.learnedAt ??= mention.at;
      continue;
    }
    const before = text.slice(clause.index, mention.index);
    const told = alone && next !== undefined && next.sentence === clause.sentence ? next.text : rest;
    const aboutResponse = MEASURE.test(told) && !EVENT_VERB.test(told);
    if (RANGE_BEFORE.test(before) || aboutResponse) continue;
    found.occurredAt ??= mention.at;
  }
  return found;
}

function isEventClause(clause: Clause, mentions: TimeMention[]): boolean {
  return EVENT_VERB.test(account(clause, mentions)) && !isContact(clause);
}

/** What a clause says happened, without its times or who reported it ("有群众报告称…" → "…"). */
function account(clause: Clause, mentions: TimeMention[]): string {
  return withoutTimes(clause, mentions)
    .replace(/^[，,\s]+/, "")
    .replace(LEAD_IN, "")
    .trim();
}

/**
 * The account of what happened: the event clause (or, without one, the first clause naming the kind)
 * and the clauses after it in the same sentence, up to casualties, measures, contacts or a 其中.
 */
function summaryOf(
  clauses: Clause[],
  eventIndex: number,
  types: readonly string[],
  mentions: TimeMention[],
): Clause[] {
  let start = eventIndex;
  if (start < 0) {
    start = clauses.findIndex(
      (c) => classifyIncidentType(c.text, types) !== undefined && !isContact(c) && !isMeasure(c),
    );
  }
  const first = clauses[start];
  if (!first) return [];
  const picked = [first];
  for (const clause of clauses.slice(start + 1)) {
    if (clause.sentence !== first.sentence) break;
    const rest = withoutTimes(clause, mentions);
    if (SUMMARY_STOP.test(rest) || isMeasure(clause) || isContact(clause) || LEARNT.test(rest)) break;
    if (scanCasualties(rest).counted || scanCasualties(rest).none) break;
    picked.push(clause);
  }
  return picked;
}

/**
 * Where: the value after a 事发地点 label; else the place the event clause starts with
 * ("青山镇李家村村道发生…"); else the place after 在 in it ("群众在县政府门口聚集"); else a clause
 * before it that is only a place ("白水河大桥下游约200米处，"); else the first place after 在 / 位于.
 */
function locationOf(clauses: Clause[], eventIndex: number, mentions: TimeMention[]): string | undefined {
  const labelled = clauses.findIndex((c) => PLACE_LABEL.test(c.text));
  const value = clauses[labelled + 1];
  if (labelled >= 0 && value && value.sentence === clauses[labelled]?.sentence) return value.text;
  const event = clauses[eventIndex];
  if (event) {
    const rest = account(event, mentions);
    const verbAt = rest.search(EVENT_VERB);
    const beforeVerb = verbAt >= 0 ? rest.slice(0, verbAt) : rest;
    const found = placeAtStart(beforeVerb) ?? placeAfterPreposition(beforeVerb);
    if (found) return found;
  }
  const upTo = eventIndex >= 0 ? clauses.slice(0, eventIndex + 1) : clauses;
  for (const clause of upTo) {
    const place = wholePlace(withoutTimes(clause, mentions).replace(/^[，,\s]+/, ""));
    if (place) return place;
  }
  for (const clause of clauses) {
    if (isContact(clause)) continue;
    const place = placeAfterPreposition(withoutTimes(clause, mentions));
    if (place) return place;
  }
  return undefined;
}

/**
 * What the clauses about casualties say, in their words: the clauses that count people or say there
 * are none, and those that mention people hurt, in hospital, trapped or missing without a number
 * when that count is still 0 ("无人员死亡，多名学生送医观察"; not "伤员已送县医院救治" after
 * "3人受伤").
 */
function casualtiesOf(clauses: Clause[], max: number): CasualtyReport | undefined {
  const texts = clauses
    .filter((c) => !isContact(c))
    .map((c) => c.text.replace(MOBILE, "").replace(LANDLINE, ""));
  const stated = texts.filter((t) => {
    const scan = scanCasualties(t);
    return scan.counted || scan.none || scan.mixed || scan.trapped;
  });
  const counted = scanCasualties(stated.join("，"));
  const open = texts.filter((t) => {
    if (stated.includes(t)) return false;
    const scan = scanCasualties(`${stated.join("，")}，${t}`);
    return scan.uncounted && !counted.uncounted;
  });
  const words = texts.filter((t) => stated.includes(t) || open.includes(t)).join("，");
  if (words === "") return undefined;
  const scan = scanCasualties(words);
  if (scan.counted) {
    const plausible = !scan.negative && !scan.notWhole && scan.numbers.every((n) => n <= max);
    if (!plausible) return undefined;
  } else if (scan.mixed) return undefined;
  return casualtyReport(scan, words);
}

function isMeasure(clause: Clause): boolean {
  if (isContact(clause) || !MEASURE.test(clause.text)) return false;
  const scan = scanCasualties(clause.text);
  return !scan.counted;
}

function isContact(clause: Clause): boolean {
  return (
    CONTACT_LABEL.test(clause.text) ||
    MOBILE.test(clause.text) ||
    LANDLINE.test(clause.text) ||
    /^电话/.test(clause.text)
  );
}

const withoutTimesCache = new WeakMap<Clause, string>();

/** The clause with the times in it removed ("今天14时20分青山镇…" → "青山镇…"). */
function withoutTimes(clause: Clause, mentions: TimeMention[]): string {
  let cached = withoutTimesCache.get(clause);
  if (cached === undefined) {
    cached = removeTimes(clause, mentions);
    withoutTimesCache.set(clause, cached);
  }
  return cached;
}

function removeTimes(clause: Clause, mentions: TimeMention[]): string {
  let result = "";
  let position = clause.index;
  const end = clause.index + clause.text.length;
  for (const mention of mentions) {
    if (mention.index < position || mention.index >= end) continue;
    result += clause.text.slice(position - clause.index, mention.index - clause.index);
    position = Math.min(end, mention.index + mention.text.length);
  }
  return (result + clause.text.slice(position - clause.index)).trim();
}
