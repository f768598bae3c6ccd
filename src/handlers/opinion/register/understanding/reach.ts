/**
 * Reach as people write it under a post: 阅读2.3万、转发150、评论320, 播放量10万+, 1,500. Pure.
 * A number with 万 is ten thousand times it; 10万+ (more than) counts as 10万.
 */

/** 阅读/转发/评论 counts, null where not known. */
export interface Reach {
  reads: number | null;
  reposts: number | null;
  comments: number | null;
}

export const NO_REACH: Reach = { reads: null, reposts: null, comments: null };

/** One count: `2.3万`, `1500`, `1,500`, `10万+`, `3千`, `5w`. */
export const COUNT = String.raw`(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(万|w|W|千|k|K)?\s*(?:\+|多|余)?`;

const LABELS: { key: keyof Reach; words: string }[] = [
  { key: "reads", words: "阅读|浏览|播放|观看" },
  { key: "reposts", words: "转发|分享|转载" },
  { key: "comments", words: "评论|留言|回复" },
];

/** A labelled count: 阅读2.3万, 阅读量：2.3万, 转发数 150, 评论约320条. */
export function labelledCount(words: string): RegExp {
  return new RegExp(
    String.raw`(?:${words})(?:量|数|次数)?\s*[:：]?\s*(?:约|近|超过|超)?\s*${COUNT}\s*(?:次|条|人次)?`,
    "g",
  );
}

/** `2.3` with `万` → 23000; null when not a count. */
export function countOf(digits: string, unit: string | undefined): number | null {
  const value = Number(digits.replace(/,/g, ""));
  if (!Number.isFinite(value)) return null;
  const times = unit === "万" || unit === "w" || unit === "W" ? 10_000 : unit ? 1_000 : 1;
  return Math.round(value * times);
}

/** The labelled counts in `text`, with where they were (to take them out of the content). */
export function findReach(text: string): { reach: Reach; spans: [number, number][] } {
  const reach: Reach = { ...NO_REACH };
  const spans: [number, number][] = [];
  for (const { key, words } of LABELS) {
    for (const match of text.matchAll(labelledCount(words))) {
      const value = countOf(match[1] as string, match[2]);
      if (value === null) continue;
      if (reach[key] === null) reach[key] = value;
      spans.push([match.index, match.index + match[0].length]);
    }
  }
  return { reach, spans };
}

/**
 * A reply to "传播情况？": labelled counts (阅读2.3万 转发150), or one to three bare counts read as
 * 阅读, 转发, 评论 in that order. Null when it holds no count.
 */
export function parseReach(text: string): Reach | null {
  const { reach } = findReach(text);
  if (reach.reads !== null || reach.reposts !== null || reach.comments !== null) return reach;
  const bare = [...text.matchAll(new RegExp(COUNT, "g"))];
  if (bare.length === 0 || bare.length > 3) return null;
  const rest = text.replace(new RegExp(COUNT, "g"), "");
  if (!/^[\s,，、;；/和及]*$/.test(rest)) return null;
  const [reads, reposts, comments] = bare.map((m) => countOf(m[1] as string, m[2]));
  return { reads: reads ?? null, reposts: reposts ?? null, comments: comments ?? null };
}

/** Whether any count is known. */
export function hasReach(reach: Reach | null | undefined): reach is Reach {
  return !!reach && (reach.reads !== null || reach.reposts !== null || reach.comments !== null);
}
