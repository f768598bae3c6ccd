/**
 * Reply codes on Redis: a counter per chat gives short numbers (1, 2, 3 …); each code's entry and
 * the message key → code link expire after `ttlSeconds`, so old cards stop answering. An entry that
 * does not read as one (written by another version, say) answers like an unknown code.
 */
import type { Redis } from "ioredis";
import { z } from "zod";
import type { ReplyCodeEntry, ReplyCodeStore } from "../bot/adapters/wechat/reply-codes.ts";
import type { CardButton } from "../bot/core/message.ts";
import { parsedJson } from "./parsed-json.ts";

const DEFAULT_TTL_SECONDS = 30 * 86_400;

const replyCodeEntry: z.ZodType<ReplyCodeEntry> = z.object({
  code: z.string(),
  chatId: z.string(),
  messageKey: z.string(),
  buttons: z.array(z.object({ label: z.string(), action: z.string() })),
});

export class RedisReplyCodeStore implements ReplyCodeStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlSeconds = DEFAULT_TTL_SECONDS,
  ) {}

  async issue(chatId: string, messageKey: string, buttons: CardButton[]): Promise<string> {
    const linkKey = this.key("message", chatId, messageKey);
    const known = await this.redis.get(linkKey);
    if (known) return known;
    const code = String(await this.redis.incr(this.key("counter", chatId)));
    // Two senders racing for one message: the first link wins and both use its code.
    const set = await this.redis.set(linkKey, code, "EX", this.ttlSeconds, "NX");
    if (set !== "OK") return (await this.redis.get(linkKey)) ?? code;
    const entry: ReplyCodeEntry = { code, chatId, messageKey, buttons };
    await this.redis.set(this.key("code", chatId, code), JSON.stringify(entry), "EX", this.ttlSeconds);
    return code;
  }

  async resolve(chatId: string, code: string): Promise<ReplyCodeEntry | null> {
    const raw = await this.redis.get(this.key("code", chatId, code));
    return parsedJson(raw, replyCodeEntry);
  }

  async ofMessage(chatId: string, messageKey: string): Promise<ReplyCodeEntry | null> {
    const code = await this.redis.get(this.key("message", chatId, messageKey));
    return code ? this.resolve(chatId, code) : null;
  }

  private key(kind: string, chatId: string, rest?: string): string {
    return `${this.prefix}:reply-code:${kind}:${chatId}${rest === undefined ? "" : `:${rest}`}`;
  }
}
