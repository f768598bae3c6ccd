/**
 * Runs tasks one at a time per key and in parallel across keys: one conversation (chat + person)
 * is handled in arrival order while other conversations go on.
 */
export class KeyedSerial {
  private readonly tails = new Map<string, Promise<unknown>>();
  private running = 0;
  private idleWaiters: (() => void)[] = [];

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    this.running++;
    const result = previous.then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
      this.running--;
      if (this.running === 0) for (const wake of this.idleWaiters.splice(0)) wake();
    });
    return result;
  }

  /** How many tasks are queued or running. */
  get pending(): number {
    return this.running;
  }

  /** Resolves when no task is queued or running. */
  idle(): Promise<void> {
    if (this.running === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }
}
