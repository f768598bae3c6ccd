/**
 * When a 首报 started by 转突发 is filed (`incident.filed` with an `opinion` origin): the item keeps
 * the incident's id, its timeline gains an `incident_filed` step, and the duty groups are told
 * `Y2026-0001 已转为突发事件 2026-0001`. A second delivery changes nothing and posts nothing twice.
 */
import { type EventListener, on } from "../../../bot/core/events.ts";
import { Outbox } from "../../../bot/core/outbox.ts";
import { dutyChats } from "../../office/audience.ts";
import { OpinionStore } from "../opinion-store.ts";
import { OPINION_ORIGIN } from "./convert-item.ts";
import { oversightMessages as M } from "./messages.ts";

export const incidentFiledListener: EventListener<"incident.filed"> = on(
  "incident.filed",
  async (services, { incident, origin }) => {
    if (origin?.kind !== OPINION_ORIGIN) return;
    const store = new OpinionStore(services.database);
    const item = await store.byId(origin.id);
    if (!item) return;
    const linked =
      item.incidentId === incident.id ||
      (await store.updateIf(
        item.id,
        { incidentId: null },
        { incidentId: incident.id },
        {
          kind: "incident_filed",
          at: services.clock.now(),
          actorId: null,
          detail: { incidentId: incident.id, number: incident.number },
        },
      ));
    // Another 首报 of the same item was filed first: that one stays its incident.
    if (!linked) return;
    const outbox = new Outbox(services.messenger, `opinion-${item.id}-incident-${incident.id}`);
    for (const chatId of dutyChats(services.directory))
      await outbox.send(chatId, { text: M.converted(item.number, incident.number) }, { key: chatId });
  },
);
