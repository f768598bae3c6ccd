/**
 * What statistics/ brings to the duty desk: incidents per day by grade (30 days; only with incident
 * rules, which name the grades) and on-time rate per unit this month.
 */
import type { DeskParts } from "../../../bot/core/desk.ts";
import type { IncidentPolicy } from "../../../config/policy.ts";
import { incidentsPerDayDeskChart } from "./incidents-per-day.ts";
import { onTimePerUnitDeskChart } from "./on-time-per-unit.ts";

export function statisticsDesk(timezone: string, incident: IncidentPolicy | undefined): DeskParts {
  return {
    charts: [
      ...(incident ? [incidentsPerDayDeskChart(incident, timezone)] : []),
      onTimePerUnitDeskChart(timezone),
    ],
  };
}
