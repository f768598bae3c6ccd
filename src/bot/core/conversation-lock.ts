/**
 * One conversation (chat + person) handled by one bot process at a time, when several processes
 * share one database: two events of one conversation taken at the same moment by two processes
 * (the Feishu inbound queue is consumed by every process; the console serves in each) would
 * otherwise both read the dialog at the same step, and the second save would drop the first answer.
 */
import { randomBytes } from "node:crypto";
import type { Logger } from "pino";
import type { Lease } from "./lease.ts";

/** Port: runs a task while no other process runs one for the same conversation key. */
export interface ConversationLock {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
}

/** The lock could not be had in time: the event fails as a whole and the person is told. */
export class ConversationBusyError extends Error {
  override name = "ConversationBusyError";
}

export interface LeaseLockTimings {
  /** How long a lease lasts unrenewed: how long others wait after its holder died. */
  ttlMs: number;
  /** How long to wait for a held conversation before giving up. */
  maxWaitMs: number;
  /** First pause between tries; doubles up to `maxPollMs`. */
  firstPollMs: number;
  maxPollMs: number;
}

export const DEFAULT_LEASE_LOCK_TIMINGS: LeaseLockTimings = {
  ttlMs: 30_000,
  maxWaitMs: 60_000,
  firstPollMs: 2,
  maxPollMs: 50,
};

/**
 * {@link ConversationLock} on the {@link Lease} port (Redis across processes). The holder renews
 * the lease while its task runs, so a slow handling keeps it; a process that dies holding it
 * blocks the conversation for at most `ttlMs`. Waiters poll: within a process the pipeline already
 * queues a conversation's events, so at most one waiter per process contends for a key.
 */
export class LeaseConversationLock implements ConversationLock {
  private readonly owner = randomBytes(6).toString("hex");
  private sequence = 0;

  constructor(
    private readonly lease: Lease,
    private readonly log: Logger,
    private readonly timings: LeaseLockTimings = DEFAULT_LEASE_LOCK_TIMINGS,
  ) {}

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const name = `conversation:${key}`;
    const holder = `${this.owner}-${++this.sequence}`;
    await this.acquire(name, holder);
    const { ttlMs } = this.timings;
    const renewal = setInterval(() => {
      this.lease.renew(name, holder, ttlMs).then(
        (held) => held || this.log.warn({ conversation: key }, "conversation lock lost while handling"),
        (error: unknown) => this.log.warn({ conversation: key, err: error }, "conversation lock not renewed"),
      );
    }, ttlMs / 3);
    try {
      return await task();
    } finally {
      clearInterval(renewal);
      // The handling is done either way; an unreleased lease runs out by itself.
      await this.lease
        .release(name, holder)
        .catch((error: unknown) =>
          this.log.warn({ conversation: key, err: error }, "conversation lock not released"),
        );
    }
  }

  private async acquire(name: string, holder: string): Promise<void> {
    const { ttlMs, maxWaitMs, firstPollMs, maxPollMs } = this.timings;
    const giveUpAt = Date.now() + maxWaitMs;
    let pause = firstPollMs;
    while (!(await this.lease.acquire(name, holder, ttlMs))) {
      if (Date.now() >= giveUpAt) throw new ConversationBusyError(`${name} still held after ${maxWaitMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, maxPollMs);
    }
  }
}
