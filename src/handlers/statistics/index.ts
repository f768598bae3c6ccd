/**
 * Statistics capability: 统计 (per-unit reporting statistics with a chart) and 通报 (the monthly
 * notice of late and missed reports, also sent by the `monthly-notice` job a schedule runs).
 */
import type { Capability } from "../../bot/core/capability.ts";
import { monthlyNoticeJob, noticeCommand } from "./notice.ts";
import { statisticsCommand } from "./statistics-command.ts";

export const statisticsCapability: Capability = {
  name: "statistics",
  commands: [statisticsCommand, noticeCommand],
  jobs: [monthlyNoticeJob],
};
