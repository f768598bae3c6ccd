/** 我的上报: the incidents a person reported, newest first, so a clerk can find a number to 续报. */
import type { Command } from "../../bot/core/capability.ts";
import type { IncidentPolicy } from "../../config/policy.ts";
import { notConfiguredCommand } from "../incident/not-configured.ts";
import { ownIncidentLine } from "./incident-line.ts";
import { queryMessages as M } from "./messages.ts";

const MAX_OWN = 10;

const about = { names: ["我的上报", "/mine"], summary: M.mineSummary };

/** 我的上报 for the policy's incident rules; without them it answers that reporting is not configured. */
export function myReportsCommand(policy: IncidentPolicy | undefined): Command {
  if (!policy) return notConfiguredCommand(about);
  return {
    ...about,
    async run(ctx) {
      const { database, clock } = ctx.services;
      const incidents = await database.incident.findMany({
        where: { reporterId: ctx.person.id },
        orderBy: [{ reportedAt: "desc" }, { id: "desc" }],
        take: MAX_OWN,
      });
      if (incidents.length === 0) return ctx.reply(M.noneMine);
      const now = clock.now();
      const lines = [
        M.mineTitle(incidents.length),
        ...incidents.map((i) => ownIncidentLine(i, policy, now)),
        M.queryHint,
      ];
      await ctx.reply(lines.join("\n"));
    },
  };
}
