/**
 * One step of shutting down, given a deadline: a step that has not finished by then is logged and
 * left behind (or forced, when `force` is given), so one stuck connection — a BullMQ worker or a
 * Redis client caught reconnecting — cannot hold the whole close up. Nothing accepted is lost by
 * moving on: the database holds it, and a job left active is taken up again as stalled.
 */
import type { Logger } from "pino";

export async function closeWithin(
  log: Logger,
  step: string,
  limitMs: number,
  close: () => Promise<unknown>,
  force?: () => unknown,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), limitMs);
  });
  try {
    const outcome = await Promise.race([close().then(() => "done" as const), late]);
    if (outcome === "late") {
      log.warn({ step, limitMs }, "shutdown step did not finish in time; moving on");
      force?.();
    }
  } finally {
    clearTimeout(timer);
  }
}
