/**
 * Reads what the fake server received the way a person sees it in Feishu, as the transcript's
 * matching text: a card's title, each field's label and value, the note and the button labels;
 * a mention reads `@NAME`.
 */
import type { StoredMessage } from "./fake-feishu-server.ts";

interface Element {
  tag?: string;
  content?: string;
  text?: { content?: string };
  behaviors?: { type?: string; value?: unknown }[];
}

interface CardJson {
  header?: { title?: { content?: string }; template?: string };
  body?: { elements?: Element[] };
}

/** The card as it looks now: the last patch, or the card as sent. */
export function currentCard(message: StoredMessage): CardJson | undefined {
  if (message.msgType !== "interactive") return undefined;
  return (message.patches.at(-1) ?? message.content) as CardJson;
}

export function buttonsOf(message: StoredMessage): { label: string; value: unknown }[] {
  return (currentCard(message)?.body?.elements ?? [])
    .filter((e) => e.tag === "button")
    .map((e) => ({ label: e.text?.content ?? "", value: e.behaviors?.[0]?.value }));
}

const unescapeMarkdown = (text: string) =>
  text
    .replace(/\\([*_~`[\]])/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

export function viewText(message: StoredMessage, nameOf: (openId: string) => string): string {
  const card = currentCard(message);
  if (!card) {
    const text = String((message.content as { text?: string }).text ?? "");
    const mentions: string[] = [];
    const body = text
      .replace(/<at user_id="([^"]+)">[^<]*<\/at>\s*/g, (_m, id: string) => {
        mentions.push(`@${nameOf(id)}`);
        return "";
      })
      .trim();
    return [...mentions, body].join("\n");
  }
  const lines: string[] = [];
  const mentions: string[] = [];
  for (const element of card.body?.elements ?? []) {
    if (element.tag === "markdown" && element.content) {
      const atOnly = element.content.match(/<at id=([^>]+)><\/at>/g);
      if (atOnly && element.content.replace(/<at id=[^>]+><\/at>/g, "").trim() === "") {
        for (const at of atOnly) mentions.push(`@${nameOf(at.replace(/<at id=|><\/at>/g, ""))}`);
        continue;
      }
      const field = /^\*\*(.+?)\*\*：([\s\S]*)$/.exec(element.content);
      if (field) lines.push(unescapeMarkdown(field[1] as string), unescapeMarkdown(field[2] as string));
      else lines.push(unescapeMarkdown(element.content.replace(/^\*\*|\*\*$/g, "")));
    }
  }
  const buttons = buttonsOf(message).map((b) => b.label);
  return [...mentions, card.header?.title?.content ?? "", ...lines, ...buttons].join("\n");
}
