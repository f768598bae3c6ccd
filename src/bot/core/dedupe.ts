/**
 * Port for event dedupe: platforms redeliver events (Feishu after 3 s without an answer, the
 * inbound queue when the process handling a job died, a console client retrying with its
 * `eventId`), and an event must be handled once — and never dropped as a duplicate of a handling
 * that died.
 *
 * Only the end of a handling is recorded. An earlier design also marked an event "being handled"
 * for two minutes as soon as it arrived; that mark outlived a process killed while holding it, so
 * the inbound job BullMQ handed to the next process was dropped as a duplicate of the dead
 * handling (issue 11: 11 of 40 Feishu events answered 200 never handled after kill -9). Now the
 * pipeline asks {@link EventDedupe.handled} when the event's conversation has its turn (the
 * in-process serial, then the cross-process conversation lock): a redelivery taken while the first
 * handling still runs waits behind it and then finds it done; a redelivery after a handling that
 * died finds nothing and handles the event again, and the handlers absorb that repeat (sends are
 * keyed by the event id, so a message already queued is not sent twice; database effects are
 * guarded by their own keys: one incident per dialog session, one zero report per unit and day, an
 * alert acknowledged once).
 */
export interface EventDedupe {
  /** True when a handling of this event ran to its end; a redelivery is then dropped. */
  handled(platform: string, eventId: string): Promise<boolean>;
  /** Records that the event was handled to its end (called after its handlers returned). */
  done(platform: string, eventId: string): Promise<void>;
}
