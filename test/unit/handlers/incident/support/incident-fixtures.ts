/** An incident row and the sample policy for tests of the incident capability's pure rules. */
import { readFileSync } from "node:fs";
import { parseYaml } from "../../../../../src/config/load.ts";
import { type IncidentPolicy, incidentRules, policySchema } from "../../../../../src/config/policy.ts";
import type { Incident } from "../../../../../src/handlers/incident/incident-store.ts";

export function samplePolicy(): IncidentPolicy {
  const policy = parseYaml("config/policy.yaml", readFileSync("config/policy.yaml", "utf8"), policySchema);
  const rules = incidentRules(policy);
  if (!rules) throw new Error("the sample policy has no incident rules");
  return rules;
}

/** 2026-03-02 14:25 in Asia/Shanghai. */
export const REPORTED_AT = new Date("2026-03-02T06:25:00Z");

/** A 较大 road accident reported complete and on time at 14:25, with no contact yet unless overridden. */
export function incident(overrides: Partial<Incident> = {}): Incident {
  return {
    id: 7,
    number: "2026-0007",
    sourceKey: "dialog-x",
    unitId: "qingshan",
    reporterId: "zhangsan",
    chatId: "qingshan-work",
    type: "事故灾难",
    gradeId: "III",
    suggestedGradeId: null,
    occurredAt: new Date("2026-03-02T06:20:00Z"),
    learnedAt: null,
    reportedAt: REPORTED_AT,
    location: "青山镇李家村村道",
    summary: "两车相撞",
    deaths: 3,
    injured: 5,
    casualtyWords: null,
    missing: 0,
    measures: "镇长已带队赶赴现场",
    contactName: "钱镇长",
    contactPhone: "13800000042",
    contactPost: null,
    status: "open",
    lateByMs: 0,
    writtenDueAt: new Date("2026-03-02T08:20:00Z"),
    completedAt: REPORTED_AT,
    writtenOverdueAt: null,
    alertedAt: REPORTED_AT,
    escalationLevel: 0,
    acknowledgedAt: null,
    acknowledgedBy: null,
    renotifiedAt: null,
    followUpCount: 0,
    lastReportAt: REPORTED_AT,
    missedFollowUps: 0,
    closedAt: null,
    ...overrides,
  };
}
