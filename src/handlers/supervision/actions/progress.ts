/**
 * 反馈: the unit's progress, kept as the part's latest and in the timeline; the progress clock
 * (催报) counts again from it.
 */
import type { ConversationContext } from "../../../bot/core/context.ts";
import { armPartTimers, partTimerKeys, progressSince } from "../clocks/part-timers.ts";
import { TaskStore } from "../task-store.ts";
import type { FoundPart } from "./found-part.ts";
import { actionMessages as M } from "./messages.ts";
import type { ActionRules } from "./part-rules.ts";
import { readStepText } from "./step-text.ts";
import { unitStepRefusal } from "./unit-step-refusal.ts";

/** Records `text` as the part's progress, or says why not. */
export async function recordProgress(
  ctx: ConversationContext,
  { rules }: ActionRules,
  found: FoundPart,
  text: string,
) {
  const { database, directory, clock, scheduler } = ctx.services;
  const store = new TaskStore(database);
  const refusal = unitStepRefusal(ctx.person, directory, found);
  if (refusal) return ctx.reply(refusal);
  const read = readStepText(text, M.progressEmpty);
  if (!read.ok) return ctx.reply(read.reason);
  const { part, task } = found;
  const unit = directory.unitName(part.unitId);
  const now = clock.now();
  const saved = await store.updatePartIf(
    part.id,
    { closedAt: null },
    { lastProgressAt: now, lastProgress: read.text },
    { kind: "progress", at: now, actorId: ctx.person.id, detail: { text: read.text } },
  );
  if (!saved) return ctx.reply(M.partClosed(task.number, unit));
  if (rules.progress_every !== undefined)
    await scheduler.cancel(partTimerKeys.progress(part.id, progressSince(part, task.createdAt)));
  const current = await store.part(part.id);
  if (current) await armPartTimers(scheduler, rules, task, current.part, now);
  await ctx.reply(M.progressSaved(task.number, unit));
}
