/**
 * What incident/ brings to the duty desk: the open incidents' panel and an incident's page (its
 * reports with photos, timeline, 批示 and receipts; 已阅, 批示, 要求续报, 转督办 done as in chat).
 */
import type { DeskParts } from "../../../bot/core/desk.ts";
import type { IncidentPolicy } from "../../../config/policy.ts";
import type { Office } from "../../office/office.ts";

export function incidentDesk(_rules: IncidentPolicy | undefined, _office: Office): DeskParts {
  return {};
}
