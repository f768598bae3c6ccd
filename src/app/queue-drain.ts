/**
 * Waits until nothing is left to do: the platforms' received events and the bot's inbound handling
 * done, and no send pending, twice in a row (a handled event queues sends, and a send can lead to
 * further work through jobs).
 */
import type { InboundPipeline } from "../bot/core/pipeline.ts";
import type { PlatformAdapter } from "../bot/core/platform-adapter.ts";

export async function waitForQueueDrain(
  pipeline: Pick<InboundPipeline, "idle">,
  sends: { pendingCount(): Promise<number> },
  platforms: readonly Pick<PlatformAdapter, "idle">[] = [],
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quietRounds = 0;
  while (quietRounds < 2) {
    if (Date.now() > deadline) throw new Error("queue did not drain in time");
    for (const platform of platforms) await platform.idle?.();
    await pipeline.idle();
    const pending = await sends.pendingCount();
    quietRounds = pending === 0 ? quietRounds + 1 : 0;
    if (pending > 0) await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
