/**
 * {@link WorkAvailability} from the app's own ioredis connection: ready while its status is
 * `ready`, unavailable from the moment it closes or reconnects (ioredis would otherwise queue every
 * command until Redis is back). No command is sent and no connection opened per request.
 */
import { EventEmitter } from "node:events";
import type { Redis } from "ioredis";
import type { WorkAvailability } from "../bot/core/work-availability.ts";

export class RedisAvailability implements WorkAvailability {
  private readonly changes = new EventEmitter();
  private last: boolean;

  constructor(private readonly redis: Redis) {
    this.changes.setMaxListeners(0);
    this.last = this.ready();
    const update = () => {
      const now = this.ready();
      if (now === this.last) return;
      this.last = now;
      this.changes.emit("change", now);
    };
    for (const event of ["ready", "close", "reconnecting", "end", "connect"]) redis.on(event, update);
  }

  ready(): boolean {
    return this.redis.status === "ready";
  }

  subscribe(listener: (ready: boolean) => void): () => void {
    this.changes.on("change", listener);
    return () => this.changes.off("change", listener);
  }
}
