/**
 * How an incident is named in one line, the same on every card: `【较大】事故灾难 · 青山镇` on alerts,
 * escalations and instructions, `2026-0042 · 青山镇 较大事故灾难` where the number leads (续报, 终报, 查询).
 */
import type { Directory } from "../../bot/core/directory.ts";
import type { IncidentPolicy } from "../../config/policy.ts";
import { gradeOf } from "./incident-schedule.ts";
import type { Incident } from "./incident-store.ts";
import { headingMessages as M } from "./messages.ts";

type Named = Pick<Incident, "gradeId" | "type" | "unitId">;

/** `【较大】事故灾难 · 青山镇` */
export function incidentHeading(incident: Named, policy: IncidentPolicy, directory: Directory): string {
  return M.heading(
    gradeOf(policy, incident.gradeId).name,
    incident.type,
    directory.unitName(incident.unitId),
  );
}

/** `2026-0042 · 青山镇 较大事故灾难` */
export function numberedHeading(
  incident: Named & Pick<Incident, "number">,
  policy: IncidentPolicy,
  directory: Directory,
): string {
  const grade = gradeOf(policy, incident.gradeId).name;
  return M.numbered(incident.number, directory.unitName(incident.unitId), grade, incident.type);
}
