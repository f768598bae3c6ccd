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
}

type Category = keyof Casualties;

const DEATH = "死亡|遇难|罹难|身亡|丧生|溺亡|死(?![者因])";
const INJURED = "受伤|轻伤|重伤|伤(?![员者亡情势口病残])";
const MISSING = "失联|失踪|下落不明|走失";
const WORD = `(?:${DEATH}|${INJURED}|${MISSING})`;
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
const NONE = new RegExp(
  "(?:无|没有|没|未|暂无|暂未|并无|并未|未有)(?:发现|造成|收到|接到|出现|有)?(?:人员|人)?(?:伤亡|死亡|受伤|失联|伤者)" +
    "|^(?:无|没有|没|暂无|都没有|否|零|0|无伤亡|没有伤亡)$",
);
const UNKNOWN =
  /不清楚|不详|不明(?!显)|未知|待核实|待查|正在核实|核实中|尚未统计|正在统计|统计中|不知道|无法确认|尚不清楚|暂不掌握|未掌握|待确认|待统计|不确定|说不准/;

function categoryOf(word: string): Category {
  if (new RegExp(`^(?:${DEATH})$`).test(word)) return "deaths";
  if (new RegExp(`^(?:${MISSING})$`).test(word)) return "missing";
  return "injured";
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
  };
  const countedBefore = new Set<Category>();
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
      scan.counted = true;
      scan.numbers.push(value);
      seenHere.add(category);
      if (breakdown && countedBefore.has(category)) continue;
      scan.counts[category] += value;
    }
    for (const category of seenHere) countedBefore.add(category);
  }
  return scan;
}
