/**
 * Acknowledged, but no instruction and no follow-up since (at or after the 已阅: see
 * quiet-since-acknowledged.ts): one re-notification to whoever acknowledged.
 */
import { z } from "zod";
import type { JobHandler } from "../../../bot/core/capability.ts";
import type { IncidentPolicy } from "../../../config/policy.ts";
import { leaderChats } from "../../office/audience.ts";
import { formatDurationZh } from "../../office/time-format.ts";
import { INCIDENT_JOBS } from "../incident-schedule.ts";
import { JOB_LABELS, alertMessages as M } from "../messages.ts";
import { quietSinceAcknowledged } from "../rules/quiet-since-acknowledged.ts";
import { loadOpenIncident } from "./incident-job-context.ts";

const schema = z.object({ incidentId: z.number().int() });

export const renotifyJob = (rules: IncidentPolicy | undefined): JobHandler<typeof schema> => ({
  name: INCIDENT_JOBS.renotify,
  label: JOB_LABELS.renotify,
  schema,
  async run(ctx, { incidentId }) {
    const open = await loadOpenIncident(ctx, rules, incidentId);
    if (!open) return;
    const { incident, store } = open;
    const { acknowledgedAt, acknowledgedBy } = incident;
    if (!acknowledgedAt || !acknowledgedBy || incident.renotifiedAt) return;
    const instructions = await ctx.services.database.instruction.findMany({
      where: { incidentId: incident.id, createdAt: { gte: acknowledgedAt } },
      select: { createdAt: true },
    });
    const instructedAt = instructions.map((i) => i.createdAt);
    if (!quietSinceAcknowledged(incident, acknowledgedAt, instructedAt)) return;
    const { directory, clock } = ctx.services;
    const now = clock.now();
    if (!(await store.updateIf(incident.id, { status: "open" }, { renotifiedAt: now }))) return;
    const text = M.renotify(incident.number, formatDurationZh(now.getTime() - acknowledgedAt.getTime()));
    const chats = leaderChats(directory).filter((id) => directory.chat(id)?.members.includes(acknowledgedBy));
    for (const chatId of chats.length > 0 ? chats : [`dm:${acknowledgedBy}`])
      await ctx.send(chatId, { text, mentions: [acknowledgedBy] });
    await store.record(incident.id, "renotified", now, null, { to: acknowledgedBy });
  },
});
