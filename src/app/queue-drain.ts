/** Waits until inbound handling is done and the send queue is empty, twice in a row (sends cause no inbound here, but jobs may). */
import type { Queue } from "bullmq";
import type { InboundPipeline } from "../bot/core/pipeline.ts";

export async function waitForQueueDrain(
  pipeline: Pick<InboundPipeline, "idle">,
  queue: Queue,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quietRounds = 0;
  while (quietRounds < 2) {
    if (Date.now() > deadline) throw new Error("queue did not drain in time");
    await pipeline.idle();
    const counts = await queue.getJobCounts(
      "waiting",
      "active",
      "delayed",
      "prioritized",
      "waiting-children",
    );
    const pending = Object.values(counts).reduce((sum, n) => sum + n, 0);
    quietRounds = pending === 0 ? quietRounds + 1 : 0;
    if (pending > 0) await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
