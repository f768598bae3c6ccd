/**
 * Filing a confirmed 交办: who may, a deadline still ahead, the task put on file once per
 * submission, then for each unit the task card handed to the notify job and the part's clocks
 * armed, and the assigner told the number, the units and the deadline.
 */
import type { ConversationContext } from "../../../bot/core/context.ts";
import { instantToLocal } from "../../../bot/core/wall-clock.ts";
import type { TasksPolicy } from "../../../config/tasks-policy.ts";
import type { Office } from "../../office/office.ts";
import { formatLocalTime } from "../../office/time-format.ts";
import { armPartTimers, scheduleNotify } from "../clocks/part-timers.ts";
import { supervisionMessages as S } from "../messages.ts";
import { TaskStore } from "../task-store.ts";
import type { PartRole } from "../task-types.ts";
import { roleAt } from "./assign-data.ts";
import { mayAssign } from "./may-assign.ts";
import { assignMessages as M } from "./messages.ts";

/** What a confirmed 交办 holds. */
export interface AssignOrder {
  sourceKey: string;
  /** Unit ids, the first 牵头. */
  units: string[];
  dueAt: Date;
  content: string;
  instructionId: number | null;
  incidentId: number | null;
}

export async function fileTask(
  ctx: ConversationContext,
  rules: TasksPolicy,
  office: Office,
  order: AssignOrder,
): Promise<void> {
  if (!(await mayAssign(ctx, rules))) return;
  const { database, clock, scheduler, directory } = ctx.services;
  const now = clock.now();
  const store = new TaskStore(database);
  // Confirmed again after a failure: what was filed is sent on, never refused for its deadline.
  const filed = await store.bySourceKey(order.sourceKey);
  if (!filed && order.dueAt.getTime() <= now.getTime())
    return ctx.reply(M.pastAtConfirm(formatLocalTime(order.dueAt, office.timezone)));
  const { task, created } = filed
    ? { task: filed, created: false }
    : await store.create({
        sourceKey: order.sourceKey,
        content: order.content,
        assignerId: ctx.person.id,
        chatId: ctx.chat.id,
        createdAt: now,
        dueAt: order.dueAt,
        year: instantToLocal(now, office.timezone).year,
        units: order.units.map((unitId, i) => ({ unitId, role: roleAt(i) })),
        incidentId: order.incidentId,
        instructionId: order.instructionId,
      });
  for (const part of task.parts) {
    await scheduleNotify(scheduler, part.id, now);
    await armPartTimers(scheduler, rules, task, part, now);
  }
  if (!created) return ctx.reply(M.filedAlready(task.number));
  const units = task.parts.map((p) => `${directory.unitName(p.unitId)}（${S.role[p.role as PartRole]}）`);
  await ctx.reply(M.filed(task.number, units.join("、"), formatLocalTime(task.dueAt, office.timezone)));
}
