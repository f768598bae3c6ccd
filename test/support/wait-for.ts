/** Polls until a condition holds, for what a test cannot await directly (a queue worker's event, a child process). */

/**
 * How much longer than asked a wait may take before it fails. A wait ends as soon as its condition
 * holds, so a generous limit costs nothing on a quiet machine; on a busy one (other test runs, two
 * busy loops beside the suite) it keeps a slow-but-correct run from going red. `TEST_WAIT_SCALE`
 * overrides it (1 gives the limits as written).
 */
export const WAIT_SCALE = Math.max(1, Number(process.env.TEST_WAIT_SCALE) || 3);

/** Resolves with the first truthy value of `probe`; rejects with `what` after `timeoutMs` (times {@link WAIT_SCALE}). */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  options: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000) * WAIT_SCALE;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline)
      throw new Error(
        `timed out waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ""}`,
      );
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 50));
  }
}
