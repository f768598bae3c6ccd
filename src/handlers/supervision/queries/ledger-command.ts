/**
 * 督办 (the ledger): the open tasks with their lights, overdue first; `督办 逾期` only the overdue.
 * Leaders and the duty office see every unit's tasks; anyone else their own unit's open parts.
 */
import type { Command } from "../../../bot/core/capability.ts";
import type { BotServices } from "../../../bot/core/services.ts";
import type { Person } from "../../../config/org.ts";
import type { TasksPolicy } from "../../../config/tasks-policy.ts";
import type { Office } from "../../office/office.ts";
import { shortLocalTime } from "../../office/time-format.ts";
import { ledgerLine } from "./ledger-lines.ts";
import { loadLedger } from "./ledger-load.ts";
import { taskQueryMessages as M, OVERDUE_WORDS } from "./messages.ts";
import { seesAllTasks } from "./task-access.ts";

/** Lines the ledger lists before saying how many more there are. */
export const MAX_LEDGER_LINES = 30;

/** The ledger's text for a person: every unit's tasks for leaders and the duty office, else their unit's. */
export async function ledgerText(
  services: BotServices,
  rules: TasksPolicy,
  office: Office,
  person: Pick<Person, "roles" | "unit">,
  overdueOnly: boolean,
): Promise<string> {
  const { database, directory, clock } = services;
  const now = clock.now();
  const all = seesAllTasks(person);
  const unit = directory.unitName(person.unit);
  const ledger = await loadLedger(database, {
    ...(all ? {} : { unitId: person.unit }),
    overdueOnly,
    now,
    limit: MAX_LEDGER_LINES,
  });
  if (ledger.total === 0) {
    if (overdueOnly) return all ? M.noneOverdue : M.noneOverdueOfUnit(unit);
    return all ? M.noneOpen : M.noneOpenOfUnit(unit);
  }
  const title = overdueOnly
    ? all
      ? M.overdueTitle(ledger.total)
      : M.overdueOfUnitTitle(unit, ledger.total)
    : all
      ? M.ledgerTitle(ledger.total, ledger.overdue)
      : M.ledgerOfUnitTitle(unit, ledger.total, ledger.overdue);
  const view = {
    now,
    remindBeforeMs: rules.remind_before,
    unitName: (id: string) => directory.unitName(id),
    time: (at: Date) => shortLocalTime(at, now, office.timezone),
  };
  const lines = [title, ...ledger.tasks.map((t) => ledgerLine(t, view))];
  if (ledger.total > ledger.tasks.length) lines.push(M.moreTasks(ledger.total - ledger.tasks.length));
  lines.push(M.queryHint);
  return lines.join("\n");
}

export function ledgerCommand(rules: TasksPolicy, office: Office): Command {
  return {
    names: ["督办", "/tasks"],
    summary: M.ledgerSummary,
    async run(ctx, args) {
      const word = args.trim();
      if (word && !OVERDUE_WORDS.includes(word)) return ctx.reply(M.ledgerUsage);
      await ctx.reply(await ledgerText(ctx.services, rules, office, ctx.person, word !== ""));
    },
  };
}
