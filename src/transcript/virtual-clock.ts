/** A clock that only moves when the transcript says so. */
import type { Clock } from "../bot/core/ports.ts";

export class VirtualClock implements Clock {
  constructor(private current: Date) {}

  now(): Date {
    return new Date(this.current.getTime());
  }

  set(at: Date): void {
    this.current = new Date(at.getTime());
  }
}
