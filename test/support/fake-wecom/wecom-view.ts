/**
 * Reads what the fake WeCom server received the way a person sees it: text and markdown as they
 * are, a template card (as last updated) as its title, its rows `名称：值`, the line under the
 * title and its button labels, a picture, video or file as `［image］<media_id>`.
 */
import type { SentWecomMessage } from "./fake-wecom-server.ts";

interface TemplateCardJson {
  main_title?: { title?: string; desc?: string };
  sub_title_text?: string;
  horizontal_content_list?: { keyname?: string; value?: string }[];
  button_list?: { text?: string; key?: string }[];
  replace_text?: string;
}

export function currentCard(message: SentWecomMessage): TemplateCardJson | undefined {
  if (message.msgtype !== "template_card") return undefined;
  return (message.updates.at(-1) ?? message.body.template_card) as TemplateCardJson;
}

export function buttonsOf(message: SentWecomMessage): { label: string; key: string }[] {
  return (currentCard(message)?.button_list ?? []).map((b) => ({ label: b.text ?? "", key: b.key ?? "" }));
}

export function viewText(message: SentWecomMessage): string {
  const card = currentCard(message);
  if (card)
    return [
      card.main_title?.title ?? "",
      ...(card.horizontal_content_list ?? []).map((row) => `${row.keyname ?? ""}：${row.value ?? ""}`),
      card.sub_title_text ?? "",
      ...(card.button_list ?? []).map((b) => b.text ?? ""),
      card.replace_text ?? "",
    ]
      .filter(Boolean)
      .join("\n");
  const part = message.body[message.msgtype] as { content?: string; media_id?: string } | undefined;
  if (part?.media_id) return `［${message.msgtype}］${part.media_id}`;
  return part?.content ?? "";
}
