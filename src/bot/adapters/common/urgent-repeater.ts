/**
 * Urgent where the platform has no urgent delivery (WeChat, WeCom), so an urgent message is repeated, mentioning only
 * those who have not replied yet, every `repeatEveryMs`, at most `repeatLimit` times. Anything a
 * person says in the chat (or to the bot directly) after the message counts as a reply. Who has
 * replied is written down as it happens (`onReplied`), so a restart resumes where it stopped.
 */

export interface UrgentSettings {
  repeatEveryMs: number;
  repeatLimit: number;
}

/** An urgent message being repeated. */
export interface UrgentTrack {
  key: string;
  chatId: string;
  /** The first line of the urgent message, repeated ("" when not known, after a restart). */
  head: string;
  waiting: string[];
  /** Repetitions already posted. */
  round: number;
  sentAt: Date;
}

/** One repetition to post. */
export interface Repetition {
  key: string;
  chatId: string;
  head: string;
  waiting: string[];
  round: number;
  limit: number;
}

export interface UrgentRepeaterDeps {
  repeat(repetition: Repetition): Promise<void>;
  /** Records that a person replied to an urgent message. */
  onReplied(key: string, personId: string): Promise<void>;
  onError(error: unknown): void;
  now(): number;
}

interface Tracked extends Omit<UrgentTrack, "waiting"> {
  waiting: Set<string>;
  timer?: NodeJS.Timeout;
}

export class UrgentRepeater {
  private readonly tracked = new Map<string, Tracked>();

  constructor(
    private readonly settings: UrgentSettings,
    private readonly deps: UrgentRepeaterDeps,
  ) {}

  /** Starts (or, after a restart, resumes) repeating a message; past its last round it is left alone. */
  track(track: UrgentTrack): void {
    const { repeatLimit } = this.settings;
    if (repeatLimit === 0 || track.waiting.length === 0 || track.round >= repeatLimit) return;
    if (this.tracked.has(track.key)) return;
    const entry: Tracked = { ...track, waiting: new Set(track.waiting) };
    this.tracked.set(track.key, entry);
    this.arm(entry);
  }

  /** A person said something in a chat: they are no longer waited for there (or anywhere, from a DM). */
  replied(chatId: string, personId: string, direct: boolean): void {
    for (const entry of this.tracked.values()) {
      if (!direct && entry.chatId !== chatId) continue;
      if (!entry.waiting.delete(personId)) continue;
      this.deps.onReplied(entry.key, personId).catch((error) => this.deps.onError(error));
      if (entry.waiting.size === 0) this.stop(entry);
    }
  }

  close(): void {
    for (const entry of this.tracked.values()) this.stop(entry);
  }

  private arm(entry: Tracked): void {
    const due = entry.sentAt.getTime() + (entry.round + 1) * this.settings.repeatEveryMs;
    entry.timer = setTimeout(() => void this.fire(entry), Math.max(0, due - this.deps.now()));
  }

  private async fire(entry: Tracked): Promise<void> {
    if (entry.waiting.size === 0) return this.stop(entry);
    entry.round += 1;
    try {
      await this.deps.repeat({
        key: entry.key,
        chatId: entry.chatId,
        head: entry.head,
        waiting: [...entry.waiting],
        round: entry.round,
        limit: this.settings.repeatLimit,
      });
    } catch (error) {
      this.deps.onError(error);
    }
    if (entry.round >= this.settings.repeatLimit) return this.stop(entry);
    if (this.tracked.has(entry.key)) this.arm(entry);
  }

  private stop(entry: Tracked): void {
    if (entry.timer) clearTimeout(entry.timer);
    this.tracked.delete(entry.key);
  }
}
