/**
 * Port for a lease: one holder at a time for something only one process may do (hold Feishu's
 * long connection — each event goes to one random live connection, so a second holder steals
 * events). The holder renews before the lease runs out; when it dies, another takes over once
 * the lease expires. Redis implementation: `src/queue/redis-lease.ts`.
 */
export interface Lease {
  /** Takes the lease for `holder` if free (or already its own); true when `holder` holds it now. */
  acquire(name: string, holder: string, ttlMs: number): Promise<boolean>;
  /** Extends the lease if `holder` still holds it; false when it was lost. */
  renew(name: string, holder: string, ttlMs: number): Promise<boolean>;
  /** Gives the lease up if `holder` holds it. */
  release(name: string, holder: string): Promise<void>;
}
