/**
 * `supervision.notify`: brings the task card to one unit (its group, mentioning its directors and
 * reporters), then marks the part notified with its timeline step. Every send is keyed by the job,
 * so a job run again after a crash posts once; a part already notified, closed or gone is left.
 */
import { z } from "zod";
import type { JobHandler } from "../../../bot/core/capability.ts";
import type { Office } from "../../office/office.ts";
import { reachWholeUnit } from "../../office/unit-reach.ts";
import { SUPERVISION_JOBS } from "../clocks/part-timers.ts";
import { TaskStore } from "../task-store.ts";
import { assignMessages as M } from "./messages.ts";
import { taskCard } from "./task-card.ts";

const schema = z.object({ partId: z.number().int() });

export const notifyJob = (office: Office): JobHandler<typeof schema> => ({
  name: SUPERVISION_JOBS.notify,
  label: M.notifyJobLabel,
  schema,
  async run(ctx, { partId }) {
    const { database, directory, clock } = ctx.services;
    const store = new TaskStore(database);
    const found = await store.part(partId);
    if (!found) return;
    const { part, task } = found;
    if (part.notifiedAt || part.closedAt || task.status !== "open") return;
    const card = taskCard(task, part, directory, office.timezone);
    const deliveries = reachWholeUnit(directory, part.unitId);
    for (const delivery of deliveries) await ctx.send(delivery.chatId, { card, mentions: delivery.mentions });
    const now = clock.now();
    await store.updatePartIf(
      part.id,
      { notifiedAt: null },
      { notifiedAt: now },
      { kind: "notified", at: now, actorId: null, detail: { chats: deliveries.map((d) => d.chatId) } },
    );
  },
});
