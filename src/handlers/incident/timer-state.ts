/**
 * What the timeline says about an incident's timers, where the incident row alone does not: when
 * the latest escalation went out (the next check is `ack_within` after it), which written-report
 * reminders were sent, and the latest 续报 deadline already flagged as missed for a report count.
 * The jobs write these entries when they fire, so a timer rebuild can tell what is still pending.
 */
import type { PrismaClient } from "../../store/generated/client.ts";

/** The timeline of some incidents, reduced to what their timers need. */
export interface IncidentTimerState {
  /** Incident id → time of its latest `escalated` entry. */
  lastEscalatedAt: Map<number, Date>;
  /** Incident id → written-report reminder stages already sent (`reporter`, `director`). */
  remindedStages: Map<number, Set<string>>;
  /** `<incident id>-<follow-up count>` → latest deadline flagged as missed (ms). */
  lastMissedDue: Map<string, number>;
}

export async function incidentTimerState(
  prisma: PrismaClient,
  incidentIds: readonly number[],
): Promise<IncidentTimerState> {
  const state: IncidentTimerState = {
    lastEscalatedAt: new Map(),
    remindedStages: new Map(),
    lastMissedDue: new Map(),
  };
  if (incidentIds.length === 0) return state;
  const entries = await prisma.timelineEntry.findMany({
    where: {
      incidentId: { in: [...incidentIds] },
      kind: { in: ["escalated", "reminded", "flagged_missed"] },
    },
    select: { incidentId: true, kind: true, at: true, detail: true },
  });
  for (const { incidentId, kind, at, detail } of entries) {
    const d = (detail ?? {}) as Record<string, unknown>;
    if (kind === "escalated") {
      const last = state.lastEscalatedAt.get(incidentId);
      if (!last || at > last) state.lastEscalatedAt.set(incidentId, at);
    } else if (kind === "reminded" && typeof d.stage === "string") {
      const stages = state.remindedStages.get(incidentId) ?? new Set<string>();
      stages.add(d.stage);
      state.remindedStages.set(incidentId, stages);
    } else if (
      kind === "flagged_missed" &&
      typeof d.dueAt === "string" &&
      typeof d.followUpCount === "number"
    ) {
      const key = `${incidentId}-${d.followUpCount}`;
      const due = new Date(d.dueAt).getTime();
      if (due > (state.lastMissedDue.get(key) ?? 0)) state.lastMissedDue.set(key, due);
    }
  }
  return state;
}

/** Whether the written-report reminder of `stage` was already sent for the incident. */
export function writtenReminderSent(
  prisma: PrismaClient,
  incidentId: number,
  stage: string,
): Promise<boolean> {
  return hasTimelineEntry(prisma, incidentId, "reminded", "stage", stage);
}

/** Whether the 续报 deadline `dueAt` (ISO) was already flagged as missed for the incident. */
export function missedFollowUpFlagged(
  prisma: PrismaClient,
  incidentId: number,
  dueAt: string,
): Promise<boolean> {
  return hasTimelineEntry(prisma, incidentId, "flagged_missed", "dueAt", dueAt);
}

/** Whether the incident's timeline has an entry of `kind` whose detail has `key` equal to `value`. */
async function hasTimelineEntry(
  prisma: PrismaClient,
  incidentId: number,
  kind: "reminded" | "flagged_missed",
  key: string,
  value: string,
): Promise<boolean> {
  const found = await prisma.timelineEntry.findFirst({
    where: { incidentId, kind, detail: { path: [key], equals: value } },
    select: { id: true },
  });
  return found !== null;
}
