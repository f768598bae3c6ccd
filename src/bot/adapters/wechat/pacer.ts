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
  /** When posts actually went out: a late timer must not bring the next post closer than the gap. */
  private lastOverall = Number.NEGATIVE_INFINITY;
  private readonly lastByRoom = new Map<string, number>();

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
    for (;;) {
      const current = this.now();
      const earliest = Math.max(
        this.lastOverall + this.pace.overallGapMs,
        (this.lastByRoom.get(room) ?? Number.NEGATIVE_INFINITY) + this.pace.roomGapMs,
      );
      if (current >= earliest) {
        // Marked synchronously: the caller posts right away, before anyone else can run.
        this.lastOverall = current;
        this.lastByRoom.set(room, current);
        return;
      }
      await this.sleep(earliest - current);
    }
  }

  private forgetPast(now: number): void {
    if (this.nextByRoom.size < 1000) return;
    for (const [room, next] of this.nextByRoom) if (next <= now) this.nextByRoom.delete(room);
    for (const [room, last] of this.lastByRoom)
      if (last + this.pace.roomGapMs <= now) this.lastByRoom.delete(room);
  }
}
