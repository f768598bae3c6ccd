/**
 * Restores the order of one conversation's messages: the puppet may deliver a later message
 * first, so each message waits `holdMs` after arriving, and then it and every message of the same
 * conversation sent before it are handed on, oldest first, one at a time.
 */
import { KeyedSerial } from "../../core/keyed-serial.ts";

/** Timers may fire a millisecond early. */
const TIMER_SLACK_MS = 5;

interface Held<T> {
  sentAt: number;
  arrivedAt: number;
  sequence: number;
  item: T;
}

export class ReorderBuffer<T> {
  private readonly held = new Map<string, Held<T>[]>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly serial = new KeyedSerial();
  private sequence = 0;

  constructor(
    private readonly holdMs: number,
    private readonly emit: (key: string, item: T) => Promise<void>,
    private readonly now: () => number = Date.now,
  ) {}

  push(key: string, sentAt: number, item: T): void {
    const list = this.held.get(key) ?? [];
    list.push({ sentAt, arrivedAt: this.now(), sequence: this.sequence++, item });
    this.held.set(key, list);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.release(key, false);
    }, this.holdMs);
    this.timers.add(timer);
  }

  /** Hands on everything held and waits until it has been handled. */
  async flush(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const key of [...this.held.keys()]) this.release(key, true);
    await this.serial.idle();
  }

  /** Resolves when nothing is held or being handled. */
  async idle(): Promise<void> {
    while (this.held.size > 0 || this.serial.pending > 0) {
      await this.serial.idle();
      if (this.held.size > 0) await new Promise((resolve) => setTimeout(resolve, this.holdMs));
    }
  }

  private release(key: string, all: boolean): void {
    const list = this.held.get(key);
    if (!list) return;
    const ready = all ? list : list.filter((h) => h.arrivedAt + this.holdMs <= this.now() + TIMER_SLACK_MS);
    if (ready.length === 0) return;
    const cutoff = Math.max(...ready.map((h) => h.sentAt));
    const out = list.filter((h) => h.sentAt <= cutoff).sort(bySentThenArrival);
    const rest = list.filter((h) => h.sentAt > cutoff);
    if (rest.length > 0) this.held.set(key, rest);
    else this.held.delete(key);
    // `emit` logs its own failures; one failed message must not stop the conversation.
    for (const held of out) void this.serial.run(key, () => this.emit(key, held.item)).catch(() => undefined);
  }
}

function bySentThenArrival<T>(a: Held<T>, b: Held<T>): number {
  return a.sentAt - b.sentAt || a.sequence - b.sequence;
}
