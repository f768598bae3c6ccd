/** Normalises what people type on phones: full-width characters, the bot's @-mention, stray spaces. */

/** Full-width digits, Latin letters, ／ and ＠ (Chinese punctuation such as ，and ： is kept). */
const FULL_WIDTH_ASCII = /[\uFF0F-\uFF19\uFF20-\uFF3A\uFF41-\uFF5A]/g;

const isControl = (code: number) =>
  (code < 0x20 || code === 0x7f) && code !== 0x09 && code !== 0x0a && code !== 0x0d;

/**
 * Whether `text` holds a C0 control character or DEL other than tab, line feed and carriage return:
 * PostgreSQL refuses NUL in text and jsonb, and none of them belongs in a chat message.
 */
export function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isControl(text.charCodeAt(i))) return true;
  return false;
}

/** `text` without the control characters {@link hasControlCharacter} finds (a platform's text is taken as sent, less those). */
export function withoutControlCharacters(text: string): string {
  if (!hasControlCharacter(text)) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) if (!isControl(text.charCodeAt(i))) out += text[i];
  return out;
}

/**
 * Full-width digits and letters to half-width (／ → /, １ → 1), ideographic space to space, control
 * characters dropped, trimmed.
 */
export function normalizeText(text: string): string {
  return withoutControlCharacters(text)
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
