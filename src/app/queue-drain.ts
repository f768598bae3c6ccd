/** Waits until inbound handling is done and no send is pending, twice in a row (sends cause no inbound here, but jobs may). */
import type { InboundPipeline } from "../bot/core/pipeline.ts";

export async function waitForQueueDrain(
  pipeline: Pick<InboundPipeline, "idle">,
  sends: { pendingCount(): Promise<number> },
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quietRounds = 0;
  while (quietRounds < 2) {
    if (Date.now() > deadline) throw new Error("queue did not drain in time");
    await pipeline.idle();
    const pending = await sends.pendingCount();
    quietRounds = pending === 0 ? quietRounds + 1 : 0;
    if (pending > 0) await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
