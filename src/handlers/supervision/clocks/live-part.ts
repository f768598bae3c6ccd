/** What every clock job starts with: the part as it is now, or nothing when it is closed or gone. */
import type { JobContext } from "../../../bot/core/context.ts";
import { reachWholeUnit } from "../../office/unit-reach.ts";
import { TaskStore } from "../task-store.ts";
import type { SupervisionEventKind, SupervisionPart, TaskWithParts } from "../task-types.ts";

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

/** Tells the part's whole unit `text` (its people mentioned) and records the clock's step on the timeline. */
export async function tellUnitAndRecord(
  ctx: JobContext,
  { part, task, store }: LivePart,
  text: string,
  step: { kind: SupervisionEventKind; at: Date; detail: object },
): Promise<void> {
  for (const delivery of reachWholeUnit(ctx.services.directory, part.unitId))
    await ctx.send(delivery.chatId, { text, mentions: delivery.mentions });
  await store.addEvent(task.id, { ...step, actorId: null, unitId: part.unitId });
}
