/**
 * A neutral {@link Chart} as an ECharts option for server-side rendering: no animation, every
 * value written on its bar or point (a picture in a chat is read, not hovered), fonts that carry
 * Chinese glyphs.
 */

import type { Chart } from "../../core/message.ts";
import { wholeNumberAxis } from "../common/value-axis.ts";
import { showsValueLabels } from "../common/value-labels.ts";

/** Tried in order by the renderer; the first installed one draws the Chinese labels. */
export const CHART_FONT_FAMILY =
  "Noto Sans CJK SC, Source Han Sans SC, WenQuanYi Micro Hei, WenQuanYi Zen Hei, Microsoft YaHei, sans-serif";

const PALETTE = ["#3370ff", "#f5a623", "#34c724", "#f54a45", "#7f3bf5", "#14c0ff"];

export function echartsOption(chart: Chart): Record<string, unknown> {
  const unit = chart.unit ?? "";
  return {
    animation: false,
    backgroundColor: "#ffffff",
    color: PALETTE,
    textStyle: { fontFamily: CHART_FONT_FAMILY },
    title: { text: chart.title, left: "center", top: 8, textStyle: { fontSize: 16 } },
    legend: { show: chart.series.length > 1, bottom: 4, data: chart.series.map((s) => s.name) },
    grid: { left: 48, right: 24, top: 48, bottom: chart.series.length > 1 ? 56 : 32, containLabel: true },
    xAxis: {
      type: "category",
      data: chart.categories,
      axisLabel: { interval: 0, rotate: chart.categories.length > 8 ? 30 : 0 },
    },
    yAxis: {
      type: "value",
      axisLabel: { formatter: `{value}${unit}` },
      ...(wholeNumberAxis(chart) ? { minInterval: 1 } : {}),
    },
    series: chart.series.map((s) => ({
      name: s.name,
      type: chart.kind,
      data: s.values,
      label: { show: showsValueLabels(chart), position: "top", formatter: `{c}${unit}` },
    })),
  };
}
