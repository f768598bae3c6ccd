/** What opinion/ brings to the duty desk: the 舆情 panel with its clocks, an item's page and the answered-in-time chart. */
import type { OpinionParts, OpinionSetting } from "../opinion-parts.ts";
import { inTimeDeskChart } from "./in-time-chart.ts";
import { opinionItemPage } from "./item-page.ts";
import { opinionPanel } from "./opinion-panel.ts";

export function deskParts(setting: OpinionSetting): OpinionParts {
  return {
    desk: {
      panels: [opinionPanel(setting)],
      charts: [inTimeDeskChart(setting)],
      itemPages: [opinionItemPage(setting)],
    },
  };
}
