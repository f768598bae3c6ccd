/**
 * 核实 (`核实 Y2026-0001 <情况>`, or the unit card's button and its short dialog): by the
 * responsible unit's people, once; signs the item first when nobody had (its `signed` step), then
 * records the verification (`verified`), stops the 核实 clocks and tells the duty and the leaders'
 * groups what was found.
 */
import type { ConversationContext } from "../../../bot/core/context.ts";
import { alertChats } from "../../office/audience.ts";
import { cancelStageTimers } from "../item-timers.ts";
import type { OpinionSetting } from "../opinion-parts.ts";
import { OpinionStore } from "../opinion-store.ts";
import type { OpinionItem } from "../opinion-types.ts";
import { chatNames, groupNotices, sendNotices, toldHere } from "./answer-notices.ts";
import { refusalOf, takeStep } from "./answer-step.ts";
import { answerMessages as M } from "./messages.ts";

export async function verifyItem(
  ctx: ConversationContext,
  setting: OpinionSetting,
  item: OpinionItem,
  text: string,
) {
  const refusal = refusalOf(ctx, setting, "verify", item);
  if (refusal) return ctx.reply(refusal);
  const { database, directory, clock, scheduler } = ctx.services;
  if (!item.signedAt) {
    // 核实 implies 签收: signed now unless someone just did.
    const now = clock.now();
    await new OpinionStore(database).updateIf(
      item.id,
      { status: "open", signedAt: null },
      { signedAt: now, signedBy: ctx.person.id },
      { kind: "signed", at: now, actorId: ctx.person.id, detail: { with: "verified" } },
    );
  }
  const verified = await takeStep(ctx, setting, "verify", item, (now) => ({
    data: { verifiedAt: now, verifiedBy: ctx.person.id, verification: text },
    kind: "verified",
    detail: { text },
  }));
  if (!verified) return;
  await cancelStageTimers(scheduler, verified, "verify");
  const notice = M.verification(item.number, directory.unitName(item.unitId), ctx.person.name, text);
  const told = await sendNotices(ctx, groupNotices(alertChats(directory), { text: notice }));
  if (!toldHere(ctx, told)) await ctx.reply(M.verifiedDone(item.number, chatNames(ctx, told)));
}
