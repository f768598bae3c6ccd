/**
 * Paces posts: a minimum gap per room and overall, plus random jitter. Each caller reserves the
 * next free slot when it asks, so a burst is spread out in arrival order and nothing is dropped —
 * the callers just wait (the send queue holds the rest meanwhile).
 */

export interface PaceSettings {
  roomGapMs: number;
  overallGapMs: number;
  jitterMs: number;
}

export class Pacer {
  private nextOverall = 0;
  private readonly nextByRoom = new Map<string, number>();

  constructor(
    private readonly pace: PaceSettings,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) =>
      new Promise((resolve) => setTimeout(resolve, ms)),
    private readonly random: () => number = Math.random,
  ) {}

  /** Resolves when a post to `room` may go out; the slot is taken from that moment. */
  async wait(room: string): Promise<void> {
    const now = this.now();
    const free = Math.max(now, this.nextOverall, this.nextByRoom.get(room) ?? 0);
    const at = free + Math.floor(this.random() * this.pace.jitterMs);
    this.nextOverall = at + this.pace.overallGapMs;
    this.nextByRoom.set(room, at + this.pace.roomGapMs);
    this.forgetPast(now);
    if (at > now) await this.sleep(at - now);
  }

  private forgetPast(now: number): void {
    if (this.nextByRoom.size < 1000) return;
    for (const [room, next] of this.nextByRoom) if (next <= now) this.nextByRoom.delete(room);
  }
}
