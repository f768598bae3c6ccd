/**
 * Port for event dedupe: platforms redeliver events (Feishu after 3 s without an answer), and a
 * redelivered event id must be handled once.
 */
export interface EventDedupe {
  /** True the first time this platform event id is claimed; false for a redelivery. */
  claim(platform: string, eventId: string): Promise<boolean>;
  /** Gives the claim back after a failed handling, so a redelivery can try again. */
  release(platform: string, eventId: string): Promise<void>;
}
