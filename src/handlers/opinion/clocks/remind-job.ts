/**
 * The reminder `remind_before` a stage's deadline (核实, 回应): 【舆情提醒】 to the responsible unit
 * (its group, its people mentioned; one to one where the group does not hold them), once per stage
 * (a `reminded` step, detail.stage). Nothing once the stage is done, the item closed or gone, or the
 * deadline passed (escalation takes over then).
 */
import { z } from "zod";
import type { JobHandler } from "../../../bot/core/capability.ts";
import { deadlineText } from "../../office/deadline-text.ts";
import { reachWholeUnit, unitPeople } from "../../office/unit-reach.ts";
import { OPINION_JOBS } from "../item-timers.ts";
import type { OpinionSetting } from "../opinion-parts.ts";
import { stageDue } from "../rules/item-state.ts";
import { loadLiveStage, remindedFor } from "./live-item.ts";
import { clockMessages as M } from "./messages.ts";

const schema = z.object({ itemId: z.number().int(), stage: z.enum(["verify", "respond"]) });

export const remindJob = ({ office }: OpinionSetting): JobHandler<typeof schema> => ({
  name: OPINION_JOBS.remind,
  label: M.remindJobLabel,
  schema,
  async run(ctx, { itemId, stage }) {
    const live = await loadLiveStage(ctx, itemId, stage);
    if (!live) return;
    const { item, store } = live;
    const { directory, clock } = ctx.services;
    const now = clock.now();
    const due = stageDue(item, stage);
    if (due.getTime() <= now.getTime()) return;
    const done = await store.eventsOf([item.id], ["reminded"]);
    if (done.some((e) => remindedFor(e, stage))) return;
    const text = M.remind(stage, item.number, deadlineText(due, office.timezone));
    for (const delivery of reachWholeUnit(directory, item.unitId))
      await ctx.send(delivery.chatId, { text, mentions: delivery.mentions });
    await store.addEvent(item.id, {
      kind: "reminded",
      at: now,
      actorId: null,
      detail: { stage, dueAt: due.toISOString(), people: unitPeople(directory, item.unitId) },
    });
  },
});
