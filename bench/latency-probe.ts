/**
 * Times each inbound event from the moment it is handed to the pipeline until the first reply for it
 * is accepted by the Messenger (QueuedMessenger.send resolved: the send is on the queue), and until
 * that reply is delivered (the send worker stored it in the console history, where the page shows it).
 *
 * createApp offers no hook for this, so the probe wraps two methods of the built app's instances:
 * `app.pipeline.handle` (the console inbox calls it through the object) and `app.messenger.send`
 * (the same object is `app.services.messenger`, which every context's outbox calls), and for delivery
 * `app.history.addBotMessage` (the console sink calls it through the object). Replies are
 * matched to events by their idempotency key, `<platform>-<eventId>-<n>` or `<platform>-<eventId>-<name>`
 * (see src/bot/core/outbox.ts), the same way when accepted and when delivered.
 */
import { performance } from "node:perf_hooks";
import type { App } from "../src/app/create-app.ts";
import type { InboundOutcome } from "../src/bot/core/pipeline.ts";
import { consoleEventOfReply } from "./reply-key.ts";

export interface EventTiming {
  /** performance.now() when pipeline.handle was called. */
  handedAt?: number;
  /** When the first reply's Messenger.send resolved. */
  firstReplyAt?: number;
  /** When pipeline.handle resolved. */
  handledAt?: number;
  outcome?: InboundOutcome;
  replies: number;
  /** Text or card title of the first reply, to check the dialog went where the script expects. */
  firstReply?: string;
  /** When the first reply was stored in the console history by the send worker. */
  deliveredAt?: number;
  /** Called once the first reply is delivered, when that happens after the event was done. */
  onDelivered?: (timing: EventTiming) => void;
  /** The driver is done with the event (its say() resolved). */
  done?: boolean;
}

export class LatencyProbe {
  private readonly events = new Map<string, EventTiming>();
  /** Replies for events this probe was not told about (there should be none). */
  strayReplies = 0;
  /** Every send the Messenger accepted, from the start. */
  accepted = 0;

  constructor(app: App) {
    const handle = app.pipeline.handle.bind(app.pipeline);
    app.pipeline.handle = async (event) => {
      const timing = this.events.get(event.eventId);
      if (timing) timing.handedAt = performance.now();
      const outcome = await handle(event);
      if (timing) {
        timing.handledAt = performance.now();
        timing.outcome = outcome;
      }
      return outcome;
    };
    const send = app.messenger.send.bind(app.messenger);
    app.messenger.send = async (message) => {
      await send(message);
      this.accepted += 1;
      const timing = this.timingOf(message.idempotencyKey);
      if (!timing) {
        this.strayReplies += 1;
        return;
      }
      timing.replies += 1;
      if (timing.firstReplyAt === undefined) {
        timing.firstReplyAt = performance.now();
        timing.firstReply = message.text ?? message.card?.title ?? "";
      }
    };
    const store = app.history.addBotMessage.bind(app.history);
    app.history.addBotMessage = async (message) => {
      const stored = await store(message);
      const eventId = consoleEventOfReply(message.idempotencyKey);
      const timing = eventId === undefined ? undefined : this.events.get(eventId);
      // The first of the event's replies to be stored, whatever its key (a dialog's question is
      // `-dialog-prompt`, not `-1`). The worker may deliver before Messenger.send's caller has even
      // resumed: keep the timing until the event is done, so the reply is still matched to it.
      if (eventId !== undefined && timing && timing.deliveredAt === undefined) {
        timing.deliveredAt = performance.now();
        if (timing.done) {
          this.events.delete(eventId);
          timing.onDelivered?.(timing);
        }
      }
      return stored;
    };
  }

  private timingOf(idempotencyKey: string): EventTiming | undefined {
    const eventId = consoleEventOfReply(idempotencyKey);
    return eventId === undefined ? undefined : this.events.get(eventId);
  }

  /** Starts watching an event id (call before handing the event in). */
  watch(eventId: string): EventTiming {
    const timing: EventTiming = { replies: 0 };
    this.events.set(eventId, timing);
    return timing;
  }

  /** The event has been handled: forget it, unless its first reply is still to be delivered. */
  done(eventId: string): void {
    const timing = this.events.get(eventId);
    if (timing) timing.done = true;
    if (!timing || timing.firstReplyAt === undefined || timing.deliveredAt !== undefined)
      this.events.delete(eventId);
  }

  /** Events whose first reply was accepted but not (yet) delivered. */
  get undelivered(): number {
    return this.events.size;
  }
}
