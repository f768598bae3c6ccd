/**
 * Server-sent events as a test reads them: connects with fetch, parses `event:`/`data:` blocks and
 * lets a test wait for the next event that matches, each stamped with when it arrived.
 */

export interface SseEvent {
  event: string;
  data: string;
  /** performance.now() when it arrived. */
  at: number;
}

export class SseEvents {
  private readonly seen: SseEvent[] = [];
  private readonly waiters = new Set<() => void>();
  private readonly controller = new AbortController();

  private constructor() {}

  /** `headers`: e.g. a session's cookie. */
  static async open(url: string, headers: Record<string, string> = {}): Promise<SseEvents> {
    const events = new SseEvents();
    const response = await fetch(url, { signal: events.controller.signal, headers });
    if (!response.ok || !response.body) throw new Error(`SSE ${url}: ${response.status}`);
    void events.read(response.body);
    return events;
  }

  /** The first event (from the start, or after `after` of {@link count}) matching; rejects after `timeoutMs`. */
  next(
    match: (event: SseEvent) => boolean,
    options: { from?: number; timeoutMs?: number } = {},
  ): Promise<SseEvent> {
    const from = options.from ?? 0;
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.seen.slice(from).find(match);
        if (!found) return false;
        this.waiters.delete(waiter);
        clearTimeout(timer);
        resolve(found);
        return true;
      };
      const waiter = () => void check();
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`no matching server-sent event within ${options.timeoutMs ?? 10_000} ms`));
      }, options.timeoutMs ?? 10_000);
      if (!check()) this.waiters.add(waiter);
    });
  }

  /** The newest event named `event`, if any arrived. */
  latest(event: string): SseEvent | undefined {
    return this.seen.findLast((e) => e.event === event);
  }

  /** How many events have arrived (a `from` for the next wait). */
  get count(): number {
    return this.seen.length;
  }

  close(): void {
    this.controller.abort();
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      const reader = body.getReader();
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        buffer += decoder.decode(chunk.value, { stream: true });
        for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          this.take(block);
        }
      }
    } catch {
      // Aborted by close(), or the server went away: no more events.
    }
  }

  private take(block: string): void {
    let event = "message";
    const data: string[] = [];
    for (const line of block.split("\n")) {
      if (line.startsWith("event: ")) event = line.slice(7);
      else if (line.startsWith("data: ")) data.push(line.slice(6));
    }
    if (data.length === 0) return;
    this.seen.push({ event, data: data.join("\n"), at: performance.now() });
    for (const waiter of [...this.waiters]) waiter();
  }
}
