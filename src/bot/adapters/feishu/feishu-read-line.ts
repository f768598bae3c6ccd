/**
 * 「已读 3/5」 on a card already sent: one markdown element with a fixed id, put above the note and
 * buttons and replaced when the count changes; the rest of the card stays as it was last shown.
 */
import type { FeishuCard, FeishuElement } from "./feishu-card.ts";

const READ_LINE_ID = "read_count";

export function withReadLine(card: FeishuCard, read: number, total: number): FeishuCard {
  const line: FeishuElement = {
    tag: "markdown",
    element_id: READ_LINE_ID,
    content: `**已读 ${read}/${total}**`,
  };
  const elements = card.body.elements.filter((element) => element.element_id !== READ_LINE_ID);
  const below = elements.findIndex(
    (element) =>
      element.tag === "button" ||
      element.tag === "form" ||
      element.tag === "chart" ||
      element.text_size === "notation",
  );
  elements.splice(below < 0 ? elements.length : below, 0, line);
  return { ...card, body: { ...card.body, elements } };
}
