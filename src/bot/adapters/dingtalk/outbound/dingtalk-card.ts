/**
 * A neutral {@link Card} for DingTalk, two ways:
 * - with a card template (卡片平台): the template's variables — `title`, `tone`, `markdown` (the
 *   fields, status lines and note) and `buttons` (a JSON list of `{label, value, primary}`; each value
 *   signed, see `dingtalk-action.ts`) — which can be updated in place later;
 * - without one: a markdown message with the same lines and what to type instead of pressing.
 */
import type { Card } from "../../../core/message.ts";
import { signButton } from "../dingtalk-action.ts";
import { dingtalkTexts as T } from "../dingtalk-texts.ts";

export interface CardRenderOptions {
  /** Signs button values; the idempotency key of the message the card is sent in. */
  secret: string;
  messageKey: string;
  /** Names to mention at the top (`@名字`). */
  mentionNames?: string[];
  /** Extra lines under the fields (read counts). */
  statusLines?: string[];
}

/** The template's variables; DingTalk card parameters are all strings. */
export type CardParams = Record<string, string>;

export interface CardButtonParam {
  label: string;
  value: string;
  primary: boolean;
}

export function renderCardParams(card: Card, options: CardRenderOptions): CardParams {
  const buttons: CardButtonParam[] = card.buttons.map((button) => ({
    label: button.label,
    value: signButton(options.secret, button.action, options.messageKey),
    primary: Boolean(button.primary),
  }));
  return {
    title: card.title,
    tone: card.tone ?? "blue",
    markdown: bodyLines(card, options).join("\n\n"),
    buttons: JSON.stringify(buttons),
  };
}

/** The card as a markdown message (`sampleMarkdown`): title, lines, and what to type. */
export function renderCardMarkdown(card: Card, options: Omit<CardRenderOptions, "secret" | "messageKey">) {
  const lines = [T.cardTitle(card.title), ...bodyLines(card, options)];
  if (card.typedReplies) lines.push(card.typedReplies);
  return { title: card.title, text: lines.join("\n\n") };
}

/** The text of a message with its mentions in front (`@名字 …`). */
export function textWithMentions(text: string, mentionNames: readonly string[]): string {
  return mentionNames.length > 0 ? `${mentionNames.map((n) => `@${n}`).join(" ")} ${text}` : text;
}

/** The read line replaced (or added) in a card's params. */
export function withReadLine(params: CardParams, line: string): CardParams {
  return { ...params, status: line };
}

function bodyLines(card: Card, options: Pick<CardRenderOptions, "mentionNames" | "statusLines">): string[] {
  const lines: string[] = [];
  if (options.mentionNames?.length) lines.push(options.mentionNames.map((n) => `@${n}`).join(" "));
  for (const field of card.fields)
    lines.push(`**${escapeMarkdown(field.label)}**：${escapeMarkdown(field.value)}`);
  for (const line of options.statusLines ?? []) lines.push(`**${escapeMarkdown(line)}**`);
  if (card.note) lines.push(escapeMarkdown(card.note));
  return lines;
}

/** DingTalk markdown: keep a value's own `*`, `_`, `#` from being read as markup. */
function escapeMarkdown(text: string): string {
  return text.replace(/([*_#`[\]])/g, "\\$1");
}
