/**
 * The least work a message could cost: one Redis round trip (the dedupe's SET NX with expiry) and
 * one database write (an INSERT of a console message) through the app's own Prisma client.
 */
import { performance } from "node:perf_hooks";
import type { Redis } from "ioredis";
import type { PrismaClient } from "../src/store/generated/client.ts";
import { Samples } from "./stats.ts";

export const BARE_CHAT_ID = "bench-bare-minimum";

export class BareMinimum {
  private sequence = 0;
  latency = new Samples();
  fromDue = new Samples();
  ops = 0;
  failed = 0;

  constructor(
    private readonly redis: Redis,
    private readonly prisma: PrismaClient,
    private readonly prefix: string,
  ) {}

  async op(actor: number, dueAt?: number): Promise<void> {
    const n = ++this.sequence;
    const t0 = performance.now();
    try {
      const claimed = await this.redis.set(`${this.prefix}:bare:${n}`, "1", "EX", 86_400, "NX");
      if (claimed !== "OK") throw new Error("key already claimed");
      await this.prisma.consoleMessage.create({
        data: {
          chatId: BARE_CHAT_ID,
          senderId: `actor-${actor}`,
          kind: "text",
          text: `bare ${n}`,
          mentions: [],
          createdAt: new Date(),
        },
      });
    } catch {
      this.failed += 1;
    }
    const t1 = performance.now();
    this.ops += 1;
    this.latency.add(t1 - t0);
    if (dueAt !== undefined) this.fromDue.add(t1 - dueAt);
  }

  reset(): void {
    this.latency = new Samples();
    this.fromDue = new Samples();
    this.ops = 0;
    this.failed = 0;
  }
}
