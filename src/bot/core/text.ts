/** Normalises what people type on phones: full-width characters, the bot's @-mention, stray spaces. */

/** Full-width digits, Latin letters, ／ and ＠ (Chinese punctuation such as ，and ： is kept). */
const FULL_WIDTH_ASCII = /[\uFF0F-\uFF19\uFF20-\uFF3A\uFF41-\uFF5A]/g;

/** Full-width digits and letters to half-width (／ → /, １ → 1), ideographic space to space, trimmed. */
export function normalizeText(text: string): string {
  return text
    .replace(FULL_WIDTH_ASCII, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ")
    .trim();
}

/** Removes `@<bot name>` and `@bot` mentions from a text. */
export function stripBotMention(text: string, botName: string): string {
  const escaped = botName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return text
    .replace(new RegExp(`@(?:${escaped}|bot)(?=\\s|$|[^\\w])`, "gi"), " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The first word and the rest: `上报 今天…` → [`上报`, `今天…`]. A Chinese comma, colon or
 * exclamation after the word also ends it, the way people type on phones: `收到，马上落实`, `上报：…`.
 */
export function splitCommand(text: string): [string, string] {
  const match = /^([^\s，,：:！!。]+)[\s，,：:！!。]*([\s\S]*)$/.exec(text);
  return match ? [match[1] as string, (match[2] ?? "").trim()] : ["", ""];
}
