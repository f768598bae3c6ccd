/**
 * A paragraph cut into clauses at Chinese punctuation, the unit in which clerks write one fact
 * ("今天14时20分，青山镇李家村村道发生一起两车相撞事故，造成2人死亡、3人受伤，…"). Quotations and
 * brackets stay whole, so "网传“青山镇，水库溃坝”" is one clause; 、 joins list items and does not cut.
 */

/** One clause: its text (trimmed) and where it starts in the paragraph, and which sentence holds it. */
export interface Clause {
  text: string;
  index: number;
  sentence: number;
}

const OPENERS: Readonly<Record<string, string>> = {
  "“": "”",
  "‘": "’",
  "「": "」",
  "《": "》",
  "（": "）",
  "(": ")",
  "【": "】",
};
const SENTENCE_END = new Set(["。", "；", ";", "！", "!", "？", "?", "\n"]);
const CLAUSE_END = new Set(["，", ","]);

/** The clauses of `text` in order; a `:` between digits (14:20) does not cut. */
export function splitClauses(text: string): Clause[] {
  const clauses: Clause[] = [];
  const closers: string[] = [];
  let start = 0;
  let sentence = 0;
  let straightQuote = false;

  const cut = (end: number, endsSentence: boolean) => {
    const raw = text.slice(start, end);
    const trimmed = raw.trim();
    if (trimmed !== "") {
      clauses.push({ text: trimmed, index: start + (raw.length - raw.trimStart().length), sentence });
    }
    start = end + 1;
    if (endsSentence) sentence++;
  };

  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '"') {
      straightQuote = !straightQuote;
      continue;
    }
    const closer = OPENERS[c];
    if (closer) {
      closers.push(closer);
      continue;
    }
    if (closers.length > 0) {
      if (c === closers[closers.length - 1]) closers.pop();
      // A line break ends an unclosed quotation: one typo must not swallow the paragraph.
      if (c !== "\n") continue;
      closers.length = 0;
    }
    if (straightQuote && c !== "\n") continue;
    straightQuote = false;
    if (SENTENCE_END.has(c)) cut(i, true);
    else if (CLAUSE_END.has(c)) cut(i, false);
    else if ((c === ":" || c === "：") && !(/\d/.test(text[i - 1] ?? "") && /\d/.test(text[i + 1] ?? ""))) {
      cut(i, false);
    }
  }
  cut(text.length, true);
  return clauses;
}
