/**
 * One open incident as a row of the desk's incidents panel: grade colour, number and short title
 * (opening its page), unit, time since the event, the next deadline counting down, the escalation
 * level, who acknowledged and how many read, and the 批示 receipts. Pure.
 */
import type { DeskRow, DeskTone } from "../../../bot/core/desk.ts";
import { formatDurationZh, shortLocalTime } from "../../office/time-format.ts";
import type { Incident } from "../incident-store.ts";
import { INCIDENT_DESK as M } from "../messages.ts";
import type { NextDeadline } from "./next-deadline.ts";

export const INCIDENT_PAGE_KIND = "incident";

/** Read receipts of the alert and its escalations, where the platform reports them. */
export interface ReadCount {
  read: number;
  total: number;
}

/** The receipts of every 批示 on an incident. */
export interface ReceiptCount {
  instructions: number;
  confirmed: number;
  total: number;
}

export interface IncidentRowInput {
  incident: Incident;
  gradeName: string;
  tone: DeskTone;
  unitName: string;
  deadline: NextDeadline | null;
  /** The acknowledging person's name, when someone has. */
  acknowledgedBy: string | null;
  reads: ReadCount;
  receipts: ReceiptCount;
  now: Date;
  timeZone: string;
}

/** `2026-0042 两车相撞，一车侧翻`: the number and the start of what happened (else the type). */
export function incidentTitle(incident: Pick<Incident, "number" | "summary" | "type">): string {
  const what = incident.summary?.trim() || incident.type;
  const short = what.length > M.titleLength ? `${what.slice(0, M.titleLength)}${M.more}` : what;
  return `${incident.number} ${short}`;
}

/** `书面 15:20`, with the deadline for the page to count down to. */
export function deadlineCell(deadline: NextDeadline | null, now: Date, timeZone: string) {
  if (!deadline) return { text: M.none };
  const at = shortLocalTime(deadline.at, now, timeZone);
  return { text: M.deadlineAt(M.deadline[deadline.kind], at), countdownTo: deadline.at.toISOString() };
}

export function receiptText(receipts: ReceiptCount): string {
  if (receipts.instructions === 0) return M.notInstructed;
  if (receipts.total === 0) return M.instructedNoReceipt;
  return M.receipts(receipts.confirmed, receipts.total);
}

export function incidentRow(input: IncidentRowInput): DeskRow {
  const { incident, now } = input;
  const item = { kind: INCIDENT_PAGE_KIND, id: String(incident.id) };
  const start = incident.occurredAt ?? incident.reportedAt;
  return {
    item,
    tone: input.tone,
    cells: [
      { text: input.gradeName, tone: input.tone },
      { text: incidentTitle(incident), item },
      { text: input.unitName },
      {
        text: M.since(formatDurationZh(Math.max(0, now.getTime() - start.getTime()))),
        since: start.toISOString(),
      },
      deadlineCell(input.deadline, now, input.timeZone),
      { text: incident.alertedAt ? M.level(incident.escalationLevel + 1) : M.notAlerted },
      {
        text: input.acknowledgedBy ? M.acknowledgedBy(input.acknowledgedBy) : M.notAcknowledged,
        ...(input.acknowledgedBy ? {} : { tone: "red" as const }),
      },
      { text: input.reads.total > 0 ? M.reads(input.reads.read, input.reads.total) : M.none },
      { text: receiptText(input.receipts) },
    ],
  };
}
