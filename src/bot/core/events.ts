/**
 * Facts one capability announces and others act on, typed here so that neither imports the other:
 * the incident capability says an incident was filed; the daily capability counts it as the unit's
 * report of the day. Listeners run in the same turn, in registration order, and the turn waits for
 * them (a listener that throws fails the turn as a direct call would).
 */
import type { DialogOrigin } from "./dialog/definition.ts";
import type { BotServices } from "./services.ts";

export interface CoreEvents {
  /**
   * A first report was filed (also when a 首报 is confirmed again after a crash: listeners must
   * make a second delivery harmless). `origin`: the item the 首报 was started from (a 舆情 turned
   * into an incident: 转突发), as its capability seeded the dialog.
   */
  "incident.filed": {
    incident: { id: number; number: string; unitId: string; reportedAt: Date };
    origin?: DialogOrigin;
  };
}

export type CoreEventName = keyof CoreEvents;

export interface EventListener<K extends CoreEventName = CoreEventName> {
  event: K;
  run(services: BotServices, payload: CoreEvents[K]): Promise<void>;
}

/** A listener for one event, typed by the event's name. */
export function on<K extends CoreEventName>(
  event: K,
  run: (services: BotServices, payload: CoreEvents[K]) => Promise<void>,
): EventListener<K> {
  return { event, run };
}

/** Hands each event to the listeners registered for it. */
export class EventBus {
  constructor(private readonly listeners: readonly EventListener[] = []) {}

  async emit<K extends CoreEventName>(
    services: BotServices,
    event: K,
    payload: CoreEvents[K],
  ): Promise<void> {
    for (const listener of this.listeners)
      if (listener.event === event) await (listener as EventListener<K>).run(services, payload);
  }
}
