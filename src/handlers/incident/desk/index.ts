/**
 * What incident/ brings to the duty desk: the open incidents' panel and an incident's page (its
 * reports with photos, timeline, 批示 and receipts; 已阅, 批示, 要求续报, 转督办 done as in chat).
 * Without incident rules there is nothing to show.
 */
import type { DeskParts } from "../../../bot/core/desk.ts";
import type { IncidentPolicy } from "../../../config/policy.ts";
import { incidentPage } from "./incident-page.ts";
import { incidentsPanel } from "./incidents-panel.ts";

export function incidentDesk(rules: IncidentPolicy | undefined): DeskParts {
  if (!rules) return {};
  return { panels: [incidentsPanel(rules)], itemPages: [incidentPage(rules)] };
}
