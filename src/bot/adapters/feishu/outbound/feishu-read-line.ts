/**
 * 「已读 3/5」 on a card already sent: one markdown element with a fixed id, put above the note and
 * buttons and replaced when the count changes; the rest of the card stays as it was last shown.
 */
import type { FeishuCard, FeishuElement } from "./feishu-card.ts";

const READ_LINE_ID = "read_count";

const readText = (read: number, total: number) => `**已读 ${read}/${total}**`;

export function withReadLine(card: FeishuCard, read: number, total: number): FeishuCard {
  const line: FeishuElement = { tag: "markdown", element_id: READ_LINE_ID, content: readText(read, total) };
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

/** Whether the card already shows this count (a patch that failed left the older one). */
export function showsReadCount(card: FeishuCard, read: number, total: number): boolean {
  const line = card.body.elements.find((element) => element.element_id === READ_LINE_ID);
  return line?.content === readText(read, total);
}
