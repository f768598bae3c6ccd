/**
 * What the 督办 clock tests share: the real app on virtual time (see VirtualTimeWorld), tasks put
 * on file with TaskStore and armed as a confirmed 交办 arms them.
 */
import type { OfficeConfig } from "../../../../src/config/load.ts";
import { armPartTimers } from "../../../../src/handlers/supervision/clocks/part-timers.ts";
import { type NewTask, TaskStore } from "../../../../src/handlers/supervision/task-store.ts";
import type { TaskWithParts } from "../../../../src/handlers/supervision/task-types.ts";
import { openTestDatabase } from "../../../support/database.ts";
import { local, sampleConfigWith, VirtualTimeWorld } from "../../../support/virtual-time-world.ts";

export { local };

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The sample org and policy with `tasks:` keys set (e.g. `{ progress_every: "1d" }`). */
export function tasksConfig(tasks: Record<string, unknown> = {}): Promise<OfficeConfig> {
  return sampleConfigWith("tasks", tasks);
}

export class ClockWorld extends VirtualTimeWorld {
  static async open(config: OfficeConfig, start: Date): Promise<ClockWorld> {
    const world = new ClockWorld(config, await openTestDatabase(), start, "clocks");
    await world.start();
    return world;
  }

  get store(): TaskStore {
    return new TaskStore(this.database.prisma);
  }

  /** Files a task as a confirmed 交办 does (its cards counted as sent) and arms its parts' clocks. */
  async file(task: Omit<NewTask, "year" | "createdAt" | "assignerId" | "chatId"> & { assignerId?: string }) {
    const now = this.clock.now();
    const { task: filed } = await this.store.create({
      assignerId: "li-shuji",
      chatId: "leaders",
      createdAt: now,
      year: 2026,
      ...task,
    });
    await this.database.prisma.supervisionPart.updateMany({
      where: { taskId: filed.id },
      data: { notifiedAt: now },
    });
    const fresh = (await this.store.byId(filed.id)) as TaskWithParts;
    for (const part of fresh.parts)
      await armPartTimers(this.scheduler, this.config.policy.tasks, fresh, part, now);
    return fresh;
  }

  /** Keys still waiting on the scheduler for a part. */
  waitingFor(partId: number): string[] {
    return this.waitingWith(`task-part-${partId}-`);
  }
}
