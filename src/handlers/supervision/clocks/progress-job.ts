/**
 * The progress cadence (`progress_every`, when the policy has one): a part with no 反馈 and no
 * 催报 since `since` is asked for one (【催报】 to the unit's group, mentioning its director(s) and
 * reporters; "progress_asked"), and the next check counts from the ask. When something came since
 * (a 反馈, or another check's ask), it only makes sure the check counting from that is scheduled:
 * two chains of checks fold into one. While 办结 waits for confirmation it asks nothing and looks
 * again a cadence later; nothing once closed.
 */
import { z } from "zod";
import type { JobHandler } from "../../../bot/core/capability.ts";
import type { TasksPolicy } from "../../../config/tasks-policy.ts";
import type { Office } from "../../office/office.ts";
import { formatDurationZh } from "../../office/time-format.ts";
import type { SupervisionEvent, SupervisionPart } from "../task-types.ts";
import { loadLivePart, tellUnitAndRecord } from "./live-part.ts";
import { clockMessages as M } from "./messages.ts";
import { progressSince, SUPERVISION_JOBS, scheduleProgress } from "./part-timers.ts";

const schema = z.object({ partId: z.number().int(), since: z.iso.datetime() });

/** What the cadence counts from: the latest of the part's 反馈/签收/交办 and its last 催报. */
export function lastProgressTouch(
  part: SupervisionPart,
  assignedAt: Date,
  asked: readonly Pick<SupervisionEvent, "unitId" | "at">[],
): Date {
  let last = progressSince(part, assignedAt);
  for (const event of asked)
    if (event.unitId === part.unitId && event.at.getTime() > last.getTime()) last = event.at;
  return last;
}

export const progressJob = (rules: TasksPolicy, _office: Office): JobHandler<typeof schema> => ({
  name: SUPERVISION_JOBS.progress,
  label: M.progressJobLabel,
  schema,
  async run(ctx, { partId, since }) {
    const every = rules.progress_every;
    if (every === undefined) return;
    const live = await loadLivePart(ctx, partId);
    if (!live) return;
    const { part, task, store } = live;
    const { clock, scheduler } = ctx.services;
    if (part.closeRequestedAt) {
      // Waiting for 确认办结: no 催报, but the cadence goes on in case it is 退回.
      await scheduleProgress(scheduler, every, part.id, clock.now());
      return;
    }
    const last = lastProgressTouch(part, task.createdAt, await store.eventsOf([task.id], ["progress_asked"]));
    if (last.getTime() > Date.parse(since)) {
      await scheduleProgress(scheduler, every, part.id, last);
      return;
    }
    const now = clock.now();
    const text = M.progressAsk(
      task.number,
      task.content,
      formatDurationZh(Math.max(0, now.getTime() - last.getTime())),
    );
    await tellUnitAndRecord(ctx, live, text, { kind: "progress_asked", at: now, detail: { since } });
    await scheduleProgress(scheduler, every, part.id, now);
  },
});
