/**
 * Puts back the clocks of every open part from the database, under the keys they were first
 * scheduled with, and only what has not happened yet: the task card while it was never sent
 * (`notifiedAt`); the signing check while unsigned and not yet reminded; the 催办 for the current
 * deadline while that is still ahead and no "urged" step names it (at once when its time passed
 * unsent); the 督办 round after those done (`overdueNotices`; at once when due); the progress check
 * counting from the last 反馈 or 催报. Same keys, so with Redis intact nothing is added twice.
 */
import type { BotServices } from "../../../bot/core/services.ts";
import type { TasksPolicy } from "../../../config/tasks-policy.ts";
import { TaskStore } from "../task-store.ts";
import {
  remindAt,
  scheduleNotify,
  scheduleOverdueRound,
  scheduleProgress,
  scheduleRemind,
  scheduleSignCheck,
} from "./part-timers.ts";
import { lastProgressTouch } from "./progress-job.ts";
import { urgedFor } from "./remind-job.ts";

export async function rebuildTaskTimers(services: BotServices, rules: TasksPolicy): Promise<void> {
  const { database, scheduler, clock } = services;
  const now = clock.now();
  const store = new TaskStore(database);
  const tasks = await store.open();
  const done = await store.eventsOf(
    tasks.map((t) => t.id),
    ["sign_reminded", "urged", "progress_asked"],
  );
  for (const task of tasks) {
    const steps = done.filter((e) => e.taskId === task.id);
    for (const part of task.parts) {
      if (part.closedAt) continue;
      if (!part.notifiedAt) await scheduleNotify(scheduler, part.id, now);
      const reminded = steps.some((e) => e.kind === "sign_reminded" && e.unitId === part.unitId);
      if (!part.signedAt && !part.closeRequestedAt && !reminded)
        await scheduleSignCheck(scheduler, rules, task, part.id);
      const urged = steps.some((e) => e.kind === "urged" && urgedFor(e, part.unitId, part.dueAt));
      const remind = remindAt(part.dueAt, rules);
      if (part.dueAt.getTime() > now.getTime() && !urged)
        await scheduleRemind(scheduler, part, remind.getTime() > now.getTime() ? remind : now);
      await scheduleOverdueRound(scheduler, rules, part, part.overdueNotices + 1);
      if (rules.progress_every !== undefined) {
        const asked = steps.filter((e) => e.kind === "progress_asked");
        await scheduleProgress(
          scheduler,
          rules.progress_every,
          part.id,
          lastProgressTouch(part, task.createdAt, asked),
        );
      }
    }
  }
}
