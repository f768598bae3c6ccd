/** Retries a start-up step a few times with a growing pause (a database that is still starting, say). */
export async function retry<T>(
  task: () => Promise<T>,
  options: { attempts: number; delayMs: number; onRetry?: (error: unknown, attempt: number) => void },
): Promise<T> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= options.attempts; attempt++) {
    try {
      return await task();
    } catch (error) {
      lastError = error;
      if (attempt === options.attempts) break;
      options.onRetry?.(error, attempt);
      await new Promise((resolve) => setTimeout(resolve, options.delayMs * 2 ** (attempt - 1)));
    }
  }
  throw lastError;
}
