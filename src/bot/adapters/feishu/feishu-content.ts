/**
 * Message content both ways: outbound text with real `<at>` mentions; inbound text and rich text
 * (post) flattened to plain text, with `@_user_N` placeholders read through the event's mentions,
 * control characters dropped (PostgreSQL refuses NUL; a dialog stores what people answer).
 */
import { withoutControlCharacters } from "../../core/text.ts";

/** One entry of `message.mentions` in `im.message.receive_v1`. */
export interface FeishuMention {
  key: string;
  id?: { open_id?: string; user_id?: string; union_id?: string };
  name?: string;
}

export function textContent(text: string, mentions: { openId: string; name: string }[]): string {
  const ats = mentions.map((m) => `<at user_id="${m.openId}">${escapeAt(m.name)}</at>`).join(" ");
  return JSON.stringify({ text: ats ? `${ats} ${text}` : text });
}

/** The plain text of a received message, or undefined for kinds the bot does not read (images, files). */
export function inboundText(messageType: string, content: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    return undefined;
  }
  if (messageType === "text") {
    const text = (parsed as { text?: unknown }).text;
    return typeof text === "string" ? withoutControlCharacters(text) : undefined;
  }
  if (messageType === "post") {
    const text = postText(parsed);
    return text === undefined ? undefined : withoutControlCharacters(text);
  }
  return undefined;
}

interface PostNode {
  tag?: string;
  text?: string;
  user_id?: string;
  user_name?: string;
  href?: string;
}

function postText(parsed: unknown): string | undefined {
  const post = parsed as { title?: string; content?: PostNode[][] } & Record<string, unknown>;
  // Posts arrive either bare or keyed by locale (zh_cn, en_us).
  const body =
    Array.isArray(post.content) || post.title !== undefined
      ? post
      : (Object.values(post).find((v) => typeof v === "object" && v !== null) as typeof post | undefined);
  if (!body || !Array.isArray(body.content)) return undefined;
  const lines = body.content.map((paragraph) =>
    (Array.isArray(paragraph) ? paragraph : [])
      .map((node) => {
        if (node.tag === "text" || node.tag === "a" || node.tag === "md") return node.text ?? "";
        if (node.tag === "at") return node.user_id ?? (node.user_name ? `@${node.user_name}` : "");
        return "";
      })
      .join(""),
  );
  return [body.title, ...lines].filter((l) => l?.trim()).join("\n");
}

/**
 * Replaces each `@_user_N` placeholder by `@名字` of the person it stands for (the bot by its
 * name), and lists who was mentioned: org ids, `bot` for the bot.
 */
export function readMentions(
  text: string,
  mentions: FeishuMention[],
  resolve: (mention: FeishuMention) => { id: string; name: string } | undefined,
): { text: string; mentions: string[] } {
  const ids: string[] = [];
  let out = text;
  // Longest keys first: @_user_10 must not be read as @_user_1 followed by 0.
  for (const mention of [...mentions].sort((a, b) => b.key.length - a.key.length)) {
    const who = resolve(mention);
    if (who && !ids.includes(who.id)) ids.push(who.id);
    out = out.split(mention.key).join(`@${who?.name ?? mention.name ?? ""}`);
  }
  return { text: out, mentions: ids };
}

function escapeAt(name: string): string {
  return name.replace(/</g, "").replace(/>/g, "");
}
