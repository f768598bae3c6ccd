/** 查询 2026-0042: the status card and timeline of one incident, for those who may see it. */
import type { Command } from "../../bot/core/capability.ts";
import type { IncidentPolicy } from "../../config/policy.ts";
import { AttachmentStore, outboundFile } from "../incident/attachments/attachment-store.ts";
import { incidentByNumberText } from "../incident/find-incident.ts";
import { alertMessages, COMMAND_WORDS } from "../incident/messages.ts";
import { notConfiguredCommand } from "../incident/not-configured.ts";
import { canViewIncident } from "./incident-access.ts";
import { incidentStatusCard } from "./incident-status-card.ts";
import { queryMessages as M } from "./messages.ts";
import { readCountLines } from "./read-counts.ts";

const about = { names: ["查询", "/query"], summary: M.querySummary };

/** 查询 for the policy's incident rules; without them it answers that reporting is not configured. */
export function queryCommand(policy: IncidentPolicy | undefined): Command {
  if (!policy) return notConfiguredCommand(about);
  return {
    ...about,
    async run(ctx, args) {
      const { database, directory, clock } = ctx.services;
      const number = args.trim().split(/\s+/)[0] ?? "";
      if (!number) return ctx.reply(alertMessages.needNumber(COMMAND_WORDS.query));
      const incident = await incidentByNumberText(ctx, number, policy.timezone);
      if (!incident) return;
      if (!canViewIncident(ctx.person, incident)) return ctx.reply(M.notAllowed(incident.number));
      const [timeline, instructions, attachments] = await Promise.all([
        database.timelineEntry.findMany({
          where: { incidentId: incident.id },
          orderBy: [{ at: "asc" }, { id: "asc" }],
        }),
        database.instruction.findMany({
          where: { incidentId: incident.id },
          select: { id: true, text: true },
        }),
        new AttachmentStore(database).ofIncident(incident.id),
      ]);
      const card = incidentStatusCard({
        incident,
        timeline,
        instructions: new Map(instructions.map((i) => [i.id, i.text])),
        policy,
        directory,
        now: clock.now(),
        attachments,
        readLines: await readCountLines(
          ctx.services,
          incident,
          instructions.map((i) => i.id),
        ),
      });
      const files = attachments.filter((a) => a.fileKey && a.kind !== "location").map(outboundFile);
      await ctx.reply({ card, ...(files.length > 0 && { files }) });
    },
  };
}
