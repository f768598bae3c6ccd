/** What every clock job starts with: the item while the stage it watches is still to be done. */
import type { JobContext } from "../../../bot/core/context.ts";
import { OpinionStore } from "../opinion-store.ts";
import type { OpinionItem, OpinionStage } from "../opinion-types.ts";
import { stageDone } from "../rules/item-state.ts";

export interface LiveItem {
  item: OpinionItem;
  store: OpinionStore;
}

/** The item as it is now; null when it is gone, closed or the stage is done. */
export async function loadLiveStage(
  ctx: JobContext,
  itemId: number,
  stage: OpinionStage,
): Promise<LiveItem | null> {
  const store = new OpinionStore(ctx.services.database);
  const item = await store.byId(itemId);
  if (!item || stageDone(item, stage)) return null;
  return { item, store };
}

/** Whether a `reminded` step is for this stage. */
export function remindedFor(event: { kind: string; detail: unknown }, stage: OpinionStage): boolean {
  const detail = event.detail as { stage?: unknown } | null;
  return event.kind === "reminded" && detail?.stage === stage;
}
