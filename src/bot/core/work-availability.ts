/**
 * Whether the bot can take work now: inbound handling, sends and timers all go through Redis, so
 * while it is away a request that would store something is refused at once (503) instead of
 * waiting for the whole outage — and nothing is stored that could not then be handled.
 */
export interface WorkAvailability {
  /** True while work can be queued. */
  ready(): boolean;
  /** Calls `listener` on every change; returns the unsubscribe function. */
  subscribe(listener: (ready: boolean) => void): () => void;
}

/**
 * Waits for work already accepted; answers `{ done: false }` instead as soon as the bot becomes
 * unavailable before it is done. The work itself goes on and finishes once Redis is back (its
 * commands wait for the connection), so the caller can say "received, handled later".
 */
export function doneOrUnavailable<T>(
  work: Promise<T>,
  availability: WorkAvailability,
): Promise<{ done: true; value: T } | { done: false }> {
  if (!availability.ready()) return Promise.resolve({ done: false });
  return new Promise((resolve, reject) => {
    const unsubscribe = availability.subscribe((ready) => {
      if (ready) return;
      unsubscribe();
      resolve({ done: false });
    });
    work.then(
      (value) => {
        unsubscribe();
        resolve({ done: true, value });
      },
      (error: unknown) => {
        unsubscribe();
        reject(error);
      },
    );
  });
}
