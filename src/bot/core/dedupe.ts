/**
 * Port for event dedupe: platforms redeliver events (Feishu after 3 s without an answer), and a
 * redelivered event id must be handled once.
 */
export interface EventDedupe {
  /**
   * True when this event may be handled now: the first time its id is seen, or again after an
   * earlier handling died without finishing (its claim ran out). False for a redelivery of an
   * event that is being handled or was handled.
   */
  claim(platform: string, eventId: string): Promise<boolean>;
  /** Marks the event handled, so redeliveries are dropped from now on. */
  done(platform: string, eventId: string): Promise<void>;
  /** Gives the claim back after a failed handling, so a redelivery can try again. */
  release(platform: string, eventId: string): Promise<void>;
}
