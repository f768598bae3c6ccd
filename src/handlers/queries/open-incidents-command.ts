/**
 * 进行中: the open incidents, most severe first, one line each. Duty officers, directors and
 * leaders see every unit's; anyone else their own unit's.
 */
import type { Command } from "../../bot/core/capability.ts";
import type { IncidentPolicy } from "../../config/policy.ts";
import { gradeOf } from "../incident/incident-schedule.ts";
import { notConfiguredCommand } from "../incident/not-configured.ts";
import { overseesAll } from "./incident-access.ts";
import { openIncidentLine } from "./incident-line.ts";
import { queryMessages as M } from "./messages.ts";

/** Lines 进行中 lists before saying how many more there are. */
const MAX_OPEN_LINES = 30;

const about = { names: ["进行中", "/open"], summary: M.openSummary };

/** 进行中 for the policy's incident rules; without them it answers that reporting is not configured. */
export function openIncidentsCommand(policy: IncidentPolicy | undefined): Command {
  if (!policy) return notConfiguredCommand(about);
  return {
    ...about,
    async run(ctx) {
      const { database, directory, clock } = ctx.services;
      const all = overseesAll(ctx.person);
      const unit = directory.unitName(ctx.person.unit);
      const incidents = await database.incident.findMany({
        where: { status: "open", ...(all ? {} : { unitId: ctx.person.unit }) },
        orderBy: { reportedAt: "asc" },
      });
      if (incidents.length === 0) return ctx.reply(all ? M.noneOpen : M.noneOpenOfUnit(unit));
      const severity = (gradeId: string) => policy.grades.indexOf(gradeOf(policy, gradeId));
      const sorted = [...incidents].sort((a, b) => severity(a.gradeId) - severity(b.gradeId));
      const now = clock.now();
      const lines = [
        all ? M.openTitle(sorted.length) : M.openOfUnitTitle(unit, sorted.length),
        ...sorted.slice(0, MAX_OPEN_LINES).map((i) => openIncidentLine(i, policy, directory, now)),
      ];
      if (sorted.length > MAX_OPEN_LINES) lines.push(M.moreOpen(sorted.length - MAX_OPEN_LINES));
      lines.push(M.queryHint);
      await ctx.reply(lines.join("\n"));
    },
  };
}
