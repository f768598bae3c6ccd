/**
 * `sign_within` after the 交办, a part still unsigned is reminded to the unit's director(s): in the
 * unit's group (where the task card and its 签收 button are), mentioning them, and one-to-one to a
 * director the group does not hold. Nothing once the part is signed, closed or waits for 办结.
 */
import { z } from "zod";
import type { JobHandler } from "../../../bot/core/capability.ts";
import type { TasksPolicy } from "../../../config/tasks-policy.ts";
import type { Office } from "../../office/office.ts";
import { formatDurationZh } from "../../office/time-format.ts";
import { reachInUnit, unitDirectors, unitPeople } from "../../office/unit-reach.ts";
import { loadLivePart } from "./live-part.ts";
import { clockMessages as M } from "./messages.ts";
import { SUPERVISION_JOBS } from "./part-timers.ts";

const schema = z.object({ partId: z.number().int() });

export const signCheckJob = (_rules: TasksPolicy, _office: Office): JobHandler<typeof schema> => ({
  name: SUPERVISION_JOBS.signCheck,
  label: M.signJobLabel,
  schema,
  async run(ctx, { partId }) {
    const live = await loadLivePart(ctx, partId);
    if (!live) return;
    const { part, task, store } = live;
    if (part.signedAt || part.closeRequestedAt) return;
    // Once per part: an extension's re-arming may schedule the check again after it ran.
    const done = await store.eventsOf([task.id], ["sign_reminded"]);
    if (done.some((e) => e.unitId === part.unitId)) return;
    const { directory, clock } = ctx.services;
    const now = clock.now();
    const directors = unitDirectors(directory, part.unitId);
    const to = directors.length > 0 ? directors : unitPeople(directory, part.unitId);
    const text = M.signReminder(
      task.number,
      task.content,
      directory.unitName(part.unitId),
      formatDurationZh(Math.max(0, now.getTime() - task.createdAt.getTime())),
    );
    for (const delivery of reachInUnit(directory, part.unitId, to))
      await ctx.send(delivery.chatId, { text, mentions: delivery.mentions });
    await store.addEvent(task.id, {
      kind: "sign_reminded",
      at: now,
      actorId: null,
      unitId: part.unitId,
      detail: { to },
    });
  },
});
