/**
 * Statistics capability: 统计 (per-unit reporting statistics with a chart) and 通报 (the monthly
 * notice of late and missed reports, also sent by the `monthly-notice` job a schedule runs).
 */
import { type Capability, joinParts } from "../../bot/core/capability.ts";
import type { IncidentPolicy } from "../../config/policy.ts";
import { statisticsDesk } from "./desk/index.ts";
import { noticeDocumentParts } from "./documents/index.ts";
import { monthlyNoticeJob, noticeCommand } from "./notice.ts";
import { statisticsSheetParts } from "./sheets/index.ts";
import { statisticsCommand } from "./statistics-command.ts";

/**
 * `timezone`: the office's, in which periods and months begin and end; `officeName`: the office on
 * the 通报's 版头; `incident`: the incident rules, whose grades the desk's incidents-per-day chart is
 * drawn by.
 */
export function statisticsCapability(
  timezone: string,
  officeName: string,
  incident?: IncidentPolicy,
): Capability {
  return joinParts("statistics", [
    {
      commands: [statisticsCommand(timezone), noticeCommand(timezone)],
      jobs: [monthlyNoticeJob(timezone)],
      desk: statisticsDesk(timezone, incident),
    },
    noticeDocumentParts({ name: officeName, timezone }),
    statisticsSheetParts(timezone),
  ]);
}
