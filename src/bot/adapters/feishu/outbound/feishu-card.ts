/**
 * A neutral {@link Card} as Feishu Card JSON 2.0: header coloured by grade, one markdown line per
 * field, the card's chart as a native `chart` element, the note in small print, the card's form as
 * a `form` container, buttons as signed callbacks, mentions as real `<at>` tags.
 */

import type { Card } from "../../../core/message.ts";
import { signAction } from "../action-signature.ts";
import { renderForm } from "./feishu-form.ts";
import { escapeMarkdown } from "./feishu-markdown.ts";
import { feishuChartElement } from "./vchart-spec.ts";

export interface CardRenderOptions {
  /** Signs button values; the idempotency key of the message the card is sent in. */
  secret: string;
  messageKey: string;
  /** Open ids to mention at the top of the card. */
  mentionOpenIds?: string[];
  /** Extra lines under the fields (who acknowledged, read counts). */
  statusLines?: string[];
}

export type FeishuElement = Record<string, unknown>;

export interface FeishuCard {
  schema: "2.0";
  config: { update_multi: boolean; width_mode: string };
  header: { title: { tag: "plain_text"; content: string }; template: string };
  body: { elements: FeishuElement[] };
}

export function renderCard(card: Card, options: CardRenderOptions): FeishuCard {
  const elements: FeishuElement[] = [];
  if (options.mentionOpenIds?.length)
    elements.push(markdown(options.mentionOpenIds.map((id) => `<at id=${id}></at>`).join(" ")));
  for (const field of card.fields)
    elements.push(markdown(`**${escapeMarkdown(field.label)}**：${escapeMarkdown(field.value)}`));
  for (const line of options.statusLines ?? []) elements.push(markdown(`**${escapeMarkdown(line)}**`));
  if (card.chart) elements.push(feishuChartElement(card.chart));
  if (card.note)
    elements.push({ tag: "markdown", content: escapeMarkdown(card.note), text_size: "notation" });
  if (card.form)
    elements.push(renderForm(card.form, (action) => signAction(options.secret, action, options.messageKey)));
  for (const button of card.buttons) {
    elements.push({
      tag: "button",
      text: { tag: "plain_text", content: button.label },
      type: button.primary ? "primary" : "default",
      width: "fill",
      behaviors: [{ type: "callback", value: signAction(options.secret, button.action, options.messageKey) }],
    });
  }
  return {
    schema: "2.0",
    config: { update_multi: true, width_mode: "fill" },
    header: { title: { tag: "plain_text", content: card.title }, template: card.tone ?? "blue" },
    body: { elements },
  };
}

function markdown(content: string): FeishuElement {
  return { tag: "markdown", content };
}
