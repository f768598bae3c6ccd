/**
 * 【催办】 `remind_before` the deadline: to the unit's group, mentioning its director(s) and
 * reporters, with the deadline and the time left. Nothing when the deadline moved (an extension's
 * own 催办 serves the new one), once it has passed (督办 takes over), or while 办结 waits for
 * confirmation; recorded once per deadline ("urged", detail.dueAt).
 */
import { z } from "zod";
import type { JobHandler } from "../../../bot/core/capability.ts";
import type { TasksPolicy } from "../../../config/tasks-policy.ts";
import { deadlineText } from "../../office/deadline-text.ts";
import type { Office } from "../../office/office.ts";
import { formatDurationZh } from "../../office/time-format.ts";
import { loadLivePart, tellUnitAndRecord } from "./live-part.ts";
import { clockMessages as M } from "./messages.ts";
import { SUPERVISION_JOBS } from "./part-timers.ts";

const schema = z.object({ partId: z.number().int(), dueAt: z.iso.datetime() });

/** Whether an "urged" step of this unit is for this deadline. */
export function urgedFor(
  event: { unitId: string | null; detail: unknown },
  unitId: string,
  dueAt: Date,
): boolean {
  const detail = event.detail as { dueAt?: unknown } | null;
  return event.unitId === unitId && detail?.dueAt === dueAt.toISOString();
}

export const remindJob = (_rules: TasksPolicy, office: Office): JobHandler<typeof schema> => ({
  name: SUPERVISION_JOBS.remind,
  label: M.remindJobLabel,
  schema,
  async run(ctx, { partId, dueAt }) {
    const live = await loadLivePart(ctx, partId, dueAt);
    if (!live) return;
    const { part, task, store } = live;
    const { clock } = ctx.services;
    const now = clock.now();
    const left = part.dueAt.getTime() - now.getTime();
    if (left <= 0 || part.closeRequestedAt) return;
    const done = await store.eventsOf([task.id], ["urged"]);
    if (done.some((e) => urgedFor(e, part.unitId, part.dueAt))) return;
    const text = M.urge(
      task.number,
      task.content,
      deadlineText(part.dueAt, office.timezone),
      formatDurationZh(left),
    );
    await tellUnitAndRecord(ctx, live, text, {
      kind: "urged",
      at: now,
      detail: { dueAt: part.dueAt.toISOString() },
    });
  },
});
