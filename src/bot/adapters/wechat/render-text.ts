/**
 * Neutral messages as WeChat text: a card becomes its title, one field per line, its note, and a
 * last line saying what to reply — numbers for dialog choices (`回复 1 确认上报 / 2 修改`), a reply
 * code for other buttons (`回复「7 已阅」「7 批示」`), or the card's typed replies where no code could
 * be had. Personal WeChat has no buttons.
 */
import { DIALOG_ACTION_PREFIX } from "../../core/dialog/engine.ts";
import type { Card, CardButton, OutboundMessage } from "../../core/message.ts";
import { wechatTexts as T } from "./wechat-texts.ts";

/** Dialog buttons carry their numbered answer last: `dlg:<session>:<step>:<answer>`. */
export function isDialogButton(button: CardButton): boolean {
  return button.action.startsWith(`${DIALOG_ACTION_PREFIX}:`);
}

/** The buttons that need a reply code (everything but numbered dialog choices). */
export function codeButtons(card: Card | undefined): CardButton[] {
  return card?.buttons.filter((b) => !isDialogButton(b)) ?? [];
}

/** `7 已阅`: what a person types to press a button by code. */
export function codeReply(code: string, label: string): string {
  return `${code} ${label}`;
}

export function renderCard(card: Card, code: string | undefined): string {
  const lines = [card.title, ...card.fields.map((f) => fieldLine(f.label, f.value))];
  if (card.note) lines.push(card.note);
  const numbered = card.buttons.filter(isDialogButton).map((b) => {
    const answer = b.action.slice(b.action.lastIndexOf(":") + 1);
    return `${answer} ${b.label.replace(/^\d+\.\s*/, "")}`;
  });
  if (numbered.length > 0) lines.push(T.numberedChoices(numbered));
  const coded = codeButtons(card);
  if (coded.length > 0 && code !== undefined)
    lines.push(T.codeChoices(coded.map((b) => codeReply(code, b.label))));
  else if (coded.length > 0 && card.typedReplies) lines.push(card.typedReplies);
  return lines.join("\n");
}

/** The whole text of a message: 【加急】 first when urgent, then its text, then its card. */
export function renderMessage(message: OutboundMessage, code: string | undefined): string {
  const parts: string[] = [];
  if (message.text) parts.push(message.text);
  if (message.card) parts.push(renderCard(message.card, code));
  const body = parts.join("\n");
  return (message.urgentTo?.length ?? 0) > 0 ? `${T.urgentMark}${body}` : body;
}

/** Dialog edit lists label fields `1. 地点`: keep them as they are; others read `地点：…`. */
function fieldLine(label: string, value: string): string {
  return `${label}：${value}`;
}
