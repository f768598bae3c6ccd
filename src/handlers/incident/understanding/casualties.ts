/**
 * Casualty counts in Chinese report language: "2死3伤", "死亡2人，受伤3人", "2人死亡、3人受伤、1人失联",
 * "无人员伤亡", "伤亡情况正在核实". The scanner is shared by the dialog reply parser
 * (`parseCasualties`) and the paragraph extractor (`extractReport`).
 */
import { NUMBER_PATTERN, parseChineseNumber } from "../../office/chinese-number.ts";

/** Deaths, injured and missing people, the three counts every report gives (0 when none). */
export interface Casualties {
  deaths: number;
  injured: number;
  missing: number;
  /**
   * The person's own words, kept when they say more than the counts ("受伤4人（其中2人重伤）",
   * "12名学生送医观察", "2人被困"): shown beside the counts wherever they are.
   */
  words?: string;
}

/**
 * People hurt, in hospital, trapped or missing written about without a number ("多名学生送医观察",
 * "无人员死亡，有人被困"): the counts are not known yet, the words are all there is to show.
 */
export interface UncountedCasualties {
  words: string;
}

/** What a report says about casualties: counts (with words), or words alone. */
export type CasualtyReport = Casualties | UncountedCasualties;

/** The counts of a casualty report; null when unknown or written without numbers. */
export function countsOf(report: CasualtyReport | null | undefined): Casualties | null {
  if (!report || !("deaths" in report)) return null;
  return { deaths: report.deaths, injured: report.injured, missing: report.missing };
}

/** The person's words kept with a casualty report, if any. */
export function wordsOf(report: CasualtyReport | null | undefined): string | null {
  return report?.words ?? null;
}

/** What a text says about casualties, before any judgement of plausibility. */
export interface CasualtyScan {
  /** Sums of the counts found per category; all 0 when `counted` is false. */
  counts: Casualties;
  /** At least one count was written with a number. */
  counted: boolean;
  /** Every count written, to check each against a maximum. */
  numbers: number[];
  /** A count was written negative (-2人死亡) or as a fraction (1.5人). */
  negative: boolean;
  notWhole: boolean;
  /** "3人伤亡": deaths and injured together, which a report must keep apart. */
  mixed: boolean;
  /** 无人员伤亡 / 没有 / 0. */
  none: boolean;
  /** 不清楚 / 不详 / 正在核实. */
  unknown: boolean;
  /** People are trapped ("2人被困", "有人被困"): not a casualty count, but never 无. */
  trapped: boolean;
  /**
   * People hurt, in hospital or missing are mentioned without a number in a category counted 0
   * ("无人员死亡，多名学生送医"): the counts are incomplete.
   */
  uncounted: boolean;
  /** The text says more than the counts (a breakdown, who, where, trapped): keep the words. */
  saysMore: boolean;
}

type Category = "deaths" | "injured" | "missing" | "hospital" | "trapped";

const DEATH = "死亡|遇难|罹难|身亡|丧生|溺亡|死(?![者因])";
const INJURED = "受伤|轻伤|重伤|伤(?![员者亡情势口病残])";
const MISSING = "失联|失踪|下落不明|走失";
// People taken to hospital count as injured when no injured count is written ("12名学生送医观察").
const HOSPITAL =
  "送医|送院|入院|住院|就医|就诊|留院|留观|医学观察|送(?:往|至|到)?[^\\d，,。；;、\\s]{0,6}?(?:医院|卫生院)";
const TRAPPED = "被困|受困|围困";
const WORD = `(?:${DEATH}|${INJURED}|${MISSING}|${HOSPITAL}|${TRAPPED})`;
const COUNT = `(?<![\\d.])(?<sign>[-−]|负)?(?<n>\\d{1,6}(?:\\.\\d{1,3})?|${NUMBER_PATTERN})(?:余|多)?(?:名|个人|人|位)?`;
const COUNT_AFTER = `(?<sign2>[-−]|负)?(?<n2>\\d{1,6}(?:\\.\\d{1,3})?|${NUMBER_PATTERN})(?![\\d.])(?:余|多)?(?:名|个人|人|位)?`;
// Up to ten characters between a count and its word: "1名司机当场死亡", "一名男子在水库游泳时失踪".
const GAP = "[^\\d，,。；;:、\\s死伤亡失踪联()（）]{0,10}?";
const COUNT_FIRST = `${COUNT}${GAP}(?<word>${WORD})`;
const WORD_FIRST = `(?<word2>${WORD})(?:人数|人员)?(?:为|:|共|达)?\\s*${COUNT_AFTER}`;
const COUNTED = new RegExp(`${COUNT_FIRST}|${WORD_FIRST}`, "g");

const MIXED = new RegExp(
  `${NUMBER_PATTERN}(?:余|多)?(?:名|人)?(?:人员)?伤亡|伤亡(?:人数)?(?:为|:|共|达)?${NUMBER_PATTERN}`,
);
const NONE_IN_TEXT =
  "(?:无|没有|没|未|暂无|暂未|并无|并未|未有)(?:新增|再有)?(?:发现|造成|收到|接到|出现|有)?(?:人员|人)?(?:伤亡|死亡|受伤|失联|伤者)";
const NONE = new RegExp(`${NONE_IN_TEXT}|^(?:无|没有|没|暂无|都没有|否|零|0|无伤亡|没有伤亡)$`);
const NONE_PHRASES = new RegExp(NONE_IN_TEXT, "g");
const UNKNOWN =
  /不清楚|不详|不明(?!显)|未知|待核实|待查|正在核实|核实中|尚未统计|正在统计|统计中|不知道|无法确认|尚不清楚|暂不掌握|未掌握|待确认|待统计|不确定|说不准/;

function categoryOf(word: string): Category {
  if (new RegExp(`^(?:${DEATH})$`).test(word)) return "deaths";
  if (new RegExp(`^(?:${MISSING})$`).test(word)) return "missing";
  if (new RegExp(`^(?:${TRAPPED})$`).test(word)) return "trapped";
  if (new RegExp(`^(?:${HOSPITAL})$`).test(word)) return "hospital";
  return "injured";
}

// Mentions without a number, by the count they leave open ("多名学生送医", "搜救失联人员").
const MENTIONS: readonly { category: "deaths" | "injured" | "missing" | "trapped"; pattern: RegExp }[] = [
  { category: "trapped", pattern: new RegExp(TRAPPED) },
  { category: "missing", pattern: new RegExp(MISSING) },
  { category: "injured", pattern: new RegExp(`受伤|伤员|伤者|轻伤|重伤|${HOSPITAL}`) },
  { category: "deaths", pattern: /遇难|罹难|身亡|丧生|死者|死亡/ },
];

// What is left of a plain count once its numbers are gone: "造成2人死亡、3人受伤" says no more.
const FILLER = /造成|导致|致使|致|共计?|合计|其中|人员|伤亡|情况|[\s，,。；;:、()（）!！]/g;

/** A breakdown's category is the one it breaks down: 住院 and 重伤 both detail the injured. */
function family(category: Category): Category {
  return category === "hospital" ? "injured" : category;
}

/**
 * Everything `text` says about casualties. Counts of one category add up (5人轻伤、1人重伤 is 6
 * injured), except inside a breakdown that starts with 其中 when that category was already counted
 * ("3人受伤，其中重伤1人" is 3 injured, "3人被困，其中2人死亡" is 2 deaths).
 */
export function scanCasualties(text: string): CasualtyScan {
  const scan: CasualtyScan = {
    counts: { deaths: 0, injured: 0, missing: 0 },
    counted: false,
    numbers: [],
    negative: false,
    notWhole: false,
    mixed: MIXED.test(text),
    none: NONE.test(text),
    unknown: UNKNOWN.test(text),
    trapped: false,
    uncounted: false,
    saysMore: false,
  };
  const countedBefore = new Set<Category>();
  let hospital = 0;
  let injuredWritten = false;
  let rest = text;
  for (const segment of text.split(/[，,。；;\n]|(?=[(（])/)) {
    const breakdown = /^[(（]?\s*其中/.test(segment);
    const seenHere = new Set<Category>();
    for (const match of segment.matchAll(COUNTED)) {
      const groups = match.groups ?? {};
      const written = groups.n ?? groups.n2 ?? "";
      const word = groups.word ?? groups.word2 ?? "";
      const value = /^\d/.test(written) ? Number(written) : parseChineseNumber(written);
      if (value === null) continue;
      if (groups.sign !== undefined || groups.sign2 !== undefined) scan.negative = true;
      if (!Number.isInteger(value)) scan.notWhole = true;
      const category = categoryOf(word);
      rest = rest.replace(match[0], "");
      if (category === "trapped") {
        scan.trapped = true;
        continue;
      }
      scan.counted = true;
      scan.numbers.push(value);
      seenHere.add(family(category));
      if (breakdown && countedBefore.has(family(category))) {
        scan.saysMore = true;
        continue;
      }
      if (category === "hospital") hospital += value;
      else scan.counts[category] += value;
      if (category === "injured") injuredWritten = true;
    }
    for (const category of seenHere) countedBefore.add(category);
  }
  if (!injuredWritten) scan.counts.injured = hospital;
  scan.uncounted = MENTIONS.some(
    ({ category, pattern }) =>
      category !== "trapped" && scan.counts[category] === 0 && pattern.test(withoutNone(rest)),
  );
  if (new RegExp(TRAPPED).test(rest)) scan.trapped = true;
  scan.saysMore ||=
    scan.trapped ||
    scan.uncounted ||
    /[\u4e00-\u9fff]/.test(withoutNone(rest).replace(FILLER, "").replace(new RegExp(WORD, "g"), ""));
  return scan;
}

/** The text without its 无人员伤亡-like statements, which mention the words they deny. */
function withoutNone(text: string): string {
  return text.replace(NONE_PHRASES, "");
}

/**
 * What a scanned text says about casualties, in `words`: the counts (the words kept when they say
 * more), the words alone when people hurt, in hospital, trapped or missing are written without a
 * number, or undefined when it states none of these. Plausibility (negative, too many) and 伤亡
 * written together are the caller's to check first.
 */
export function casualtyReport(scan: CasualtyScan, words: string): CasualtyReport | undefined {
  if (scan.uncounted) return { words };
  if (scan.counted) return scan.saysMore ? { ...scan.counts, words } : scan.counts;
  if (scan.trapped) return scan.none ? { deaths: 0, injured: 0, missing: 0, words } : { words };
  return scan.none ? { deaths: 0, injured: 0, missing: 0 } : undefined;
}
