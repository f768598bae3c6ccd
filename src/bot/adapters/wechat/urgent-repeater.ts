/**
 * Urgent on WeChat: there is no urgent delivery, so an urgent message is repeated, mentioning only
 * those who have not replied yet, every `repeatEveryMs`, at most `repeatLimit` times. Anything a
 * person says in the chat (or to the bot directly) after the message counts as a reply.
 */

export interface UrgentSettings {
  repeatEveryMs: number;
  repeatLimit: number;
}

interface Tracked {
  chatId: string;
  key: string;
  head: string;
  waiting: Set<string>;
  round: number;
  timer?: NodeJS.Timeout;
}

/** Posts one repetition; `waiting` are the people still to reply. */
export interface Repetition {
  key: string;
  chatId: string;
  /** The first line of the urgent message, repeated. */
  head: string;
  waiting: string[];
  round: number;
  limit: number;
}

export type Repeat = (repetition: Repetition) => Promise<void>;

export class UrgentRepeater {
  private readonly tracked = new Map<string, Tracked>();

  constructor(
    private readonly settings: UrgentSettings,
    private readonly repeat: Repeat,
    private readonly onError: (error: unknown) => void,
  ) {}

  track(key: string, chatId: string, head: string, people: string[]): void {
    if (this.settings.repeatLimit === 0 || people.length === 0 || this.tracked.has(key)) return;
    const entry: Tracked = { chatId, key, head, waiting: new Set(people), round: 0 };
    this.tracked.set(key, entry);
    this.arm(entry);
  }

  /** A person said something in a chat: they are no longer waited for there (or anywhere, from a DM). */
  replied(chatId: string, personId: string, direct: boolean): void {
    for (const entry of this.tracked.values()) {
      if (!direct && entry.chatId !== chatId) continue;
      entry.waiting.delete(personId);
      if (entry.waiting.size === 0) this.stop(entry);
    }
  }

  /** People still waited for on a message (for tests and status). */
  waitingOn(key: string): string[] {
    return [...(this.tracked.get(key)?.waiting ?? [])];
  }

  close(): void {
    for (const entry of this.tracked.values()) this.stop(entry);
  }

  private arm(entry: Tracked): void {
    entry.timer = setTimeout(() => void this.fire(entry), this.settings.repeatEveryMs);
  }

  private async fire(entry: Tracked): Promise<void> {
    if (entry.waiting.size === 0) return this.stop(entry);
    entry.round += 1;
    try {
      await this.repeat({
        key: entry.key,
        chatId: entry.chatId,
        head: entry.head,
        waiting: [...entry.waiting],
        round: entry.round,
        limit: this.settings.repeatLimit,
      });
    } catch (error) {
      this.onError(error);
    }
    if (entry.round >= this.settings.repeatLimit) return this.stop(entry);
    if (this.tracked.has(entry.key)) this.arm(entry);
  }

  private stop(entry: Tracked): void {
    if (entry.timer) clearTimeout(entry.timer);
    this.tracked.delete(entry.key);
  }
}
