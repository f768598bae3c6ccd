/**
 * Calls `tick` every `everyMs` with the seconds elapsed while `work` is pending (a progress line
 * during a slow start-up step), then resolves or rejects as `work` does.
 */
export async function whileWaiting<T>(
  work: Promise<T>,
  everyMs: number,
  tick: (elapsedSeconds: number) => void,
): Promise<T> {
  const started = Date.now();
  const timer = setInterval(() => tick(Math.round((Date.now() - started) / 1000)), everyMs);
  try {
    return await work;
  } finally {
    clearInterval(timer);
  }
}
