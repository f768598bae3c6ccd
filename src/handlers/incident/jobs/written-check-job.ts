/**
 * Before the written-report deadline, while required elements are missing: remind the reporter,
 * then the unit's director; at the deadline, flag the incident and tell the duty office.
 */
import { z } from "zod";
import type { JobHandler } from "../../../bot/core/capability.ts";
import type { IncidentPolicy } from "../../../config/policy.ts";
import { dutyChats, unitChat } from "../../office/audience.ts";
import type { Office } from "../../office/office.ts";
import { onDutyAt } from "../../office/on-duty.ts";
import { formatLocalTime } from "../../office/time-format.ts";
import { incidentMissing } from "../alert-card.ts";
import { INCIDENT_JOBS } from "../incident-schedule.ts";
import { JOB_LABELS, alertMessages as M } from "../messages.ts";
import { writtenReminderSent } from "../timer-state.ts";
import { loadOpenIncident } from "./incident-job-context.ts";

const schema = z.object({ incidentId: z.number().int(), stage: z.enum(["reporter", "director", "due"]) });

/** `office`: who is on duty (the roster, by the office's day) is alerted with the rules' levels. */
export const writtenCheckJob = (
  rules: IncidentPolicy | undefined,
  office: Office,
): JobHandler<typeof schema> => ({
  name: INCIDENT_JOBS.written,
  label: JOB_LABELS.written,
  schema,
  async run(ctx, { incidentId, stage }) {
    const open = await loadOpenIncident(ctx, rules, incidentId);
    if (!open || open.incident.completedAt) return;
    const { incident, store, policy } = open;
    const { directory, clock } = ctx.services;
    const missing = incidentMissing(incident, policy);
    if (missing.length === 0) return;
    // A reminder sent before (the job scheduled again by a timer rebuild) is not sent twice.
    if (stage !== "due" && (await writtenReminderSent(ctx.services.database, incident.id, stage))) return;
    const now = clock.now();
    const due = formatLocalTime(incident.writtenDueAt ?? now, policy.timezone);
    const list = missing.join("、");
    if (stage === "reporter") {
      await ctx.send(unitChat(directory, incident), {
        text: M.writtenReporter(incident.number, list, due),
        mentions: [incident.reporterId],
      });
      await store.record(incident.id, "reminded", now, null, { stage, to: [incident.reporterId] });
      return;
    }
    if (stage === "director") {
      const directors = directory.withRole("director", incident.unitId).map((p) => p.id);
      await ctx.send(unitChat(directory, incident), {
        text: M.writtenDirector(incident.number, list, due),
        mentions: directors,
      });
      await store.record(incident.id, "reminded", now, null, { stage, to: directors });
      return;
    }
    const entry = {
      kind: "flagged_incomplete",
      at: now,
      actorId: null,
      detail: { stage: "due", missing },
    } as const;
    const flagged = await store.updateIf(
      incident.id,
      { status: "open", writtenOverdueAt: null },
      { writtenOverdueAt: now },
      entry,
    );
    if (!flagged) return;
    const duty = onDutyAt(office, ctx.services.directory, now).duty.people;
    for (const chatId of dutyChats(directory)) {
      await ctx.send(chatId, {
        text: M.writtenOverdue(incident.number, directory.unitName(incident.unitId), list),
        mentions: directory.membersAmong(chatId, duty),
      });
    }
  },
});
