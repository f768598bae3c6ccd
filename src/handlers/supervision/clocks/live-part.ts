/** What every clock job starts with: the part as it is now, or nothing when it is closed or gone. */
import type { JobContext } from "../../../bot/core/context.ts";
import { TaskStore } from "../task-store.ts";
import type { SupervisionPart, TaskWithParts } from "../task-types.ts";

export interface LivePart {
  part: SupervisionPart;
  task: TaskWithParts;
  store: TaskStore;
}

/** The part and its task while both are open; `dueAt` (ISO), when given, must still be its deadline. */
export async function loadLivePart(
  ctx: JobContext,
  partId: number,
  dueAt?: string,
): Promise<LivePart | null> {
  const store = new TaskStore(ctx.services.database);
  const found = await store.part(partId);
  if (!found || found.part.closedAt || found.task.status !== "open") return null;
  if (dueAt !== undefined && found.part.dueAt.getTime() !== Date.parse(dueAt)) return null;
  return { ...found, store };
}
