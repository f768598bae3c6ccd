/**
 * 申请延期: the unit asks for a later deadline with a reason; the request waits on the part and goes
 * to the assigner one to one as a card with 同意延期 / 不同意. One request at a time.
 */
import type { ConversationContext } from "../../../bot/core/context.ts";
import { directChatId } from "../../../bot/core/message.ts";
import { deadlineText } from "../../office/deadline-text.ts";
import { TaskStore } from "../task-store.ts";
import { extensionCard } from "./assigner-cards.ts";
import type { FoundPart } from "./found-part.ts";
import { actionMessages as M } from "./messages.ts";
import type { ActionRules } from "./part-rules.ts";
import { readStepText } from "./step-text.ts";
import { unitStepRefusal } from "./unit-step-refusal.ts";

/** Why the person may not ask for an extension of this part now (before the deadline is known); null when they may. */
export function extensionRefusal(
  ctx: ConversationContext,
  timezone: string,
  found: FoundPart,
): string | null {
  const refusal = unitStepRefusal(ctx.person, ctx.services.directory, found);
  if (refusal) return refusal;
  const { part, task } = found;
  if (part.extensionDueAt)
    return M.extensionPending(task.number, deadlineText(part.extensionDueAt, timezone));
  if (part.closeRequestedAt) return M.closePending(task.number);
  return null;
}

/** Why `dueAt` cannot be the new deadline of the part; null when it can. */
export function newDeadlineRefusal(part: FoundPart["part"], dueAt: Date, now: Date, timezone: string) {
  if (dueAt.getTime() <= now.getTime()) return M.notFuture;
  if (dueAt.getTime() <= part.dueAt.getTime()) return M.notLater(deadlineText(part.dueAt, timezone));
  return null;
}

/** Files the request and sends it to the assigner, or says why not. */
export async function requestExtension(
  ctx: ConversationContext,
  { timezone }: ActionRules,
  found: FoundPart,
  dueAt: Date,
  reasonText: string,
) {
  const { database, directory, clock } = ctx.services;
  const now = clock.now();
  const refusal =
    extensionRefusal(ctx, timezone, found) ?? newDeadlineRefusal(found.part, dueAt, now, timezone);
  if (refusal) return ctx.reply(refusal);
  const reason = readStepText(reasonText, M.reasonEmpty);
  if (!reason.ok) return ctx.reply(reason.reason);
  const { part, task } = found;
  const store = new TaskStore(database);
  const filed = await store.updatePartIf(
    part.id,
    { closedAt: null, extensionDueAt: null, closeRequestedAt: null },
    { extensionDueAt: dueAt, extensionReason: reason.text, extensionBy: ctx.person.id, extensionAt: now },
    {
      kind: "extension_requested",
      at: now,
      actorId: ctx.person.id,
      detail: { dueAt: dueAt.toISOString(), reason: reason.text },
    },
  );
  if (!filed) {
    const current = await store.part(part.id);
    return ctx.reply(
      (current && extensionRefusal(ctx, timezone, current)) ??
        M.partClosed(task.number, directory.unitName(part.unitId)),
    );
  }
  await ctx.send(directChatId(task.assignerId), {
    card: extensionCard(directory, timezone, task, part, {
      applicantId: ctx.person.id,
      dueAt,
      reason: reason.text,
    }),
  });
  await ctx.reply(
    M.extensionSent(task.number, deadlineText(dueAt, timezone), directory.personName(task.assignerId)),
  );
}
