/**
 * 申请办结: the unit reports its result; the request waits on the part and goes to the assigner one
 * to one as a card with 确认办结 / 退回. One request at a time.
 */
import type { ConversationContext } from "../../../bot/core/context.ts";
import { directChatId } from "../../../bot/core/message.ts";
import { TaskStore } from "../task-store.ts";
import { closeCard } from "./assigner-cards.ts";
import type { FoundPart } from "./found-part.ts";
import { actionMessages as M } from "./messages.ts";
import type { ActionRules } from "./part-rules.ts";
import { readStepText } from "./step-text.ts";
import { unitStepRefusal } from "./unit-step-refusal.ts";

/** Why the person may not ask to close this part now; null when they may. */
export function closeRequestRefusal(ctx: ConversationContext, found: FoundPart): string | null {
  const refusal = unitStepRefusal(ctx.person, ctx.services.directory, found);
  if (refusal) return refusal;
  return found.part.closeRequestedAt ? M.closePending(found.task.number) : null;
}

/** Files the request with its `result` and sends it to the assigner, or says why not. */
export async function requestClose(
  ctx: ConversationContext,
  { timezone }: ActionRules,
  found: FoundPart,
  resultText: string,
) {
  const { database, directory, clock } = ctx.services;
  const refusal = closeRequestRefusal(ctx, found);
  if (refusal) return ctx.reply(refusal);
  const result = readStepText(resultText, M.resultEmpty);
  if (!result.ok) return ctx.reply(result.reason);
  const { part, task } = found;
  const store = new TaskStore(database);
  const now = clock.now();
  const filed = await store.updatePartIf(
    part.id,
    { closedAt: null, closeRequestedAt: null },
    { closeResult: result.text, closeBy: ctx.person.id, closeRequestedAt: now },
    { kind: "close_requested", at: now, actorId: ctx.person.id, detail: { result: result.text } },
  );
  if (!filed) {
    const current = await store.part(part.id);
    return ctx.reply(
      (current && closeRequestRefusal(ctx, current)) ??
        M.partClosed(task.number, directory.unitName(part.unitId)),
    );
  }
  await ctx.send(directChatId(task.assignerId), {
    card: closeCard(directory, timezone, task, part, { applicantId: ctx.person.id, result: result.text }),
  });
  await ctx.reply(M.closeSent(task.number, directory.personName(task.assignerId)));
}
