/**
 * Neutral cards in WeCom's shapes. To people (app messages): a `button_interaction` template card —
 * title, up to six key/value rows (more go under the title), up to six buttons whose `key` is the
 * neutral action; its `task_id` comes from the message's idempotency key, so a press names the
 * sent message and an update finds the card. In a group (appchat takes no template cards): markdown
 * with the fields and the typed replies, to be sent to the app, since group replies never reach it.
 */
import { createHash } from "node:crypto";
import type { Card } from "../../../core/message.ts";
import { stringList } from "../../../core/string-list.ts";
import type { TemplateCard } from "../client/wecom-api.ts";
import { wecomTexts as T } from "../wecom-texts.ts";

const MAX_ROWS = 6;
export const MAX_BUTTONS = 6;

/** WeCom's task_id (≤ 128 of letters, digits, `_-@`) from our idempotency key: the same key, the same id. */
export function taskIdOf(idempotencyKey: string): string {
  return `kb_${createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 40)}`;
}

/**
 * What `sent_message.card` holds for a template card: its task, its buttons, the people it was
 * sent to (org ids: a press counts only from them), the last press's response code.
 */
export interface StoredCard {
  taskId: string;
  actions: string[];
  to: string[];
  /** From the latest press (72 h, usable once): what a later update of the card needs. */
  responseCode?: string;
}

/** The stored template card of a sent message, or undefined for anything else. */
export function storedCard(value: unknown): StoredCard | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const card = value as Partial<StoredCard>;
  if (typeof card.taskId !== "string" || !Array.isArray(card.actions)) return undefined;
  return {
    taskId: card.taskId,
    actions: stringList(card.actions),
    to: stringList(card.to),
    ...(typeof card.responseCode === "string" ? { responseCode: card.responseCode } : {}),
  };
}

export function renderTemplateCard(
  card: Card,
  taskId: string,
  options: { urgent?: boolean } = {},
): TemplateCard {
  const rows = card.fields.slice(0, MAX_ROWS);
  const rest = card.fields.slice(MAX_ROWS);
  const under = [...rest.map((f) => `${f.label}：${f.value}`), ...(card.note ? [card.note] : [])].join("\n");
  const buttons = card.buttons.slice(0, MAX_BUTTONS);
  return {
    card_type: "button_interaction",
    main_title: { title: `${options.urgent ? T.urgentMark : ""}${card.title}` },
    ...(under ? { sub_title_text: under } : {}),
    ...(rows.length > 0
      ? { horizontal_content_list: rows.map((f) => ({ keyname: f.label, value: f.value })) }
      : {}),
    task_id: taskId,
    ...(buttons.length > 0
      ? {
          button_list: buttons.map((b) => ({ text: b.label, style: b.primary ? 1 : 2, key: b.action })),
        }
      : { button_list: [], replace_text: T.doneButton }),
  };
}

/** A card as markdown for a group: title, fields, note, typed replies and where to send them. */
export function renderGroupMarkdown(
  card: Card,
  options: { urgent?: boolean; mentions: string[]; botName: string },
): string {
  const lines = [
    `**${options.urgent ? T.urgentMark : ""}${card.title}**`,
    ...card.fields.map((f) => `> ${f.label}：${f.value}`),
    ...(card.note ? [card.note] : []),
  ];
  if (card.buttons.length > 0) {
    if (card.typedReplies) lines.push(card.typedReplies);
    lines.push(T.replyInApp(options.botName));
  }
  if (options.mentions.length > 0) lines.push(T.mentionLine(options.mentions));
  return lines.join("\n");
}

/** Plain text with the urgent mark and the mentioned names. */
export function renderText(text: string, options: { urgent?: boolean; mentions: string[] }): string {
  const head = `${options.urgent ? T.urgentMark : ""}${text}`;
  return options.mentions.length > 0 ? `${head}\n${T.mentionLine(options.mentions)}` : head;
}
