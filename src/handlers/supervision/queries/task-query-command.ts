/**
 * 查询 D2026-0001: the task card with each unit's state and light and the timeline. It shares the
 * word 查询 with the incidents' 查询 2026-0042 and takes the uses whose number looks like a task's.
 */
import type { Command } from "../../../bot/core/capability.ts";
import type { TasksPolicy } from "../../../config/tasks-policy.ts";
import type { Office } from "../../office/office.ts";
import { formatLocalTime, shortLocalTime } from "../../office/time-format.ts";
import { supervisionMessages as S } from "../messages.ts";
import { looksLikeTaskNumber, parseTaskNumber } from "../rules/task-number.ts";
import { TaskStore } from "../task-store.ts";
import { taskQueryMessages as M } from "./messages.ts";
import { canViewTask } from "./task-access.ts";
import { taskCard } from "./task-card.ts";

function firstWord(args: string): string {
  return args.trim().split(/\s+/)[0] ?? "";
}

export function taskQueryCommand(rules: TasksPolicy, office: Office): Command {
  return {
    names: ["查询", "/query"],
    summary: M.querySummary,
    owns: (_ctx, args) => looksLikeTaskNumber(firstWord(args)),
    async run(ctx, args) {
      const { database, directory, clock } = ctx.services;
      const typed = firstWord(args);
      const number = parseTaskNumber(typed);
      const store = new TaskStore(database);
      const task = number ? await store.byNumber(number) : null;
      if (!task) return ctx.reply(S.unknownNumber(typed));
      if (!canViewTask(ctx.person, task)) return ctx.reply(M.notAllowed(task.number));
      const now = clock.now();
      const card = taskCard(task, await store.timeline(task.id), {
        now,
        remindBeforeMs: rules.remind_before,
        unitName: (id) => directory.unitName(id),
        personName: (id) => directory.personName(id),
        fullTime: (at) => formatLocalTime(at, office.timezone),
        shortTime: (at) => shortLocalTime(at, now, office.timezone),
      });
      await ctx.reply({ card });
    },
  };
}
