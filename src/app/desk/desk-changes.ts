/**
 * The "desk changed" signal: whenever an inbound event has been handled or a job has run, every
 * process on the same Redis prefix tells its open desk pages to fetch the board again. Published on
 * Redis pub/sub (several processes share one database); each process coalesces a burst into one
 * signal now and at most one more after {@link DeskChanges.coalesceMs}.
 */
import { EventEmitter } from "node:events";
import type { Redis } from "ioredis";
import type { Logger } from "pino";

export class DeskChanges {
  private readonly local = new EventEmitter();
  private subscriber?: Redis;
  private timer?: NodeJS.Timeout;
  private pending = false;

  constructor(
    private readonly publisher: Redis,
    prefix: string,
    private readonly log: Logger,
    readonly coalesceMs = 150,
  ) {
    this.local.setMaxListeners(0);
    this.channel = `${prefix}:desk-changed`;
  }

  private readonly channel: string;

  /** Something changed here (an event handled, a job run): tell every process's pages. */
  changed(): void {
    this.publisher
      .publish(this.channel, "1")
      .catch((error: unknown) => this.log.warn({ err: error }, "desk change not published"));
  }

  /** Starts hearing the other processes (and this one) on a connection of its own. */
  async listen(): Promise<void> {
    if (this.subscriber) return;
    const subscriber = this.publisher.duplicate();
    this.subscriber = subscriber;
    subscriber.on("message", () => this.arrived());
    subscriber.on("error", (error) => this.log.warn({ err: error }, "desk change subscriber"));
    await subscriber.subscribe(this.channel);
  }

  /** Calls `listener` on every (coalesced) change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.local.on("changed", listener);
    return () => this.local.off("changed", listener);
  }

  async close(): Promise<void> {
    clearTimeout(this.timer);
    const subscriber = this.subscriber;
    this.subscriber = undefined;
    if (subscriber) await subscriber.quit().catch(() => subscriber.disconnect());
  }

  /** The first of a burst goes out at once; what follows within the window, once at its end. */
  private arrived(): void {
    if (this.timer) {
      this.pending = true;
      return;
    }
    this.local.emit("changed");
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.pending) return;
      this.pending = false;
      this.arrived();
    }, this.coalesceMs);
  }
}
