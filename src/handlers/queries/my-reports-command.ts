/** 我的上报: the incidents a person reported, newest first, so a clerk can find a number to 续报. */
import type { Command } from "../../bot/core/capability.ts";
import { hasIncidentRules } from "../../config/policy.ts";
import { incidentMessages } from "../incident/messages.ts";
import { ownIncidentLine } from "./incident-line.ts";
import { queryMessages as M } from "./messages.ts";

const MAX_OWN = 10;

export const myReportsCommand: Command = {
  names: ["我的上报", "/mine"],
  summary: M.mineSummary,
  async run(ctx) {
    const { policy, prisma, clock } = ctx.services;
    if (!hasIncidentRules(policy)) return ctx.reply(incidentMessages.notConfigured);
    const incidents = await prisma.incident.findMany({
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
