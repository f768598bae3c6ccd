/**
 * The console's JSON API as a test uses it: say something, press a button, read a chat's history,
 * and wait for what the bot says. Works against any running app (in-process or a child process).
 */
import type { ConsoleMessageDto } from "../../src/bot/adapters/console/console-message.ts";
import { waitFor } from "./wait-for.ts";

export class ConsoleClient {
  constructor(readonly url: string) {}

  /** A person says `text` in `chat`; resolves once the bot has handled it. */
  async say(chat: string, sender: string, text: string, eventId?: string): Promise<ConsoleMessageDto> {
    const body = await this.post("/api/console/messages", { chat, sender, text, eventId });
    return (body as { message: ConsoleMessageDto }).message;
  }

  /** A person presses the button `action` (its action value or its label) on message `messageId`. */
  async press(chat: string, sender: string, messageId: number, action: string, eventId?: string) {
    await this.post("/api/console/actions", { chat, sender, messageId, action, eventId });
  }

  /** A person uploads a file in `chat` (the page's 📎 button); resolves once the bot has handled it. */
  async upload(
    chat: string,
    sender: string,
    file: { name: string; type: string; bytes: Uint8Array },
  ): Promise<ConsoleMessageDto> {
    const query = new URLSearchParams({ chat, sender, name: file.name });
    const response = await fetch(`${this.url}/api/console/uploads?${query}`, {
      method: "POST",
      headers: { "content-type": file.type, origin: this.url },
      body: Buffer.from(file.bytes),
    });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`POST upload: ${response.status} ${text}`);
    return (JSON.parse(text) as { message: ConsoleMessageDto }).message;
  }

  async messages(chat: string, after = 0): Promise<ConsoleMessageDto[]> {
    const response = await fetch(
      `${this.url}/api/console/messages?chat=${encodeURIComponent(chat)}&after=${after}`,
    );
    if (response.status !== 200) throw new Error(`GET messages ${chat}: ${response.status}`);
    return ((await response.json()) as { messages: ConsoleMessageDto[] }).messages;
  }

  /** The bot's messages in `chat` (after message id `after`). */
  async botMessages(chat: string, after = 0): Promise<ConsoleMessageDto[]> {
    return (await this.messages(chat, after)).filter((m) => m.sender === null);
  }

  /** The id of the newest message in `chat`, 0 when there is none. */
  async lastId(chat: string): Promise<number> {
    return (await this.messages(chat)).at(-1)?.id ?? 0;
  }

  /** Waits for a bot message in `chat` after `after` whose text contains every fragment. */
  botSays(
    chat: string,
    fragments: string | string[],
    options: { after?: number; timeoutMs?: number } = {},
  ): Promise<ConsoleMessageDto> {
    const all = typeof fragments === "string" ? [fragments] : fragments;
    return waitFor(
      `the bot to say 「${all.join(" && ")}」 in ${chat}`,
      async () =>
        (await this.botMessages(chat, options.after ?? 0)).find((m) => all.every((f) => m.text.includes(f))),
      { timeoutMs: options.timeoutMs ?? 15_000, intervalMs: 50 },
    );
  }

  private async post(path: string, body: object): Promise<unknown> {
    const response = await fetch(`${this.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: this.url },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`POST ${path}: ${response.status} ${text}`);
    return JSON.parse(text);
  }
}
