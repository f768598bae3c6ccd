// The neutral Chart ({kind, title, categories, series, unit}) drawn with ECharts, SVG renderer.
import { texts as T } from "./texts.js";

const drawn = new Set();

const PALETTE = ["#1f6feb", "#e5534b", "#d29922", "#2da44e", "#8250df", "#e16f24", "#57606a"];

export function drawChart(container, chart, options = {}) {
  const echarts = window.echarts;
  if (!echarts) {
    container.textContent = chart.title;
    return;
  }
  const dark = options.dark ?? false;
  const instance = echarts.init(container, dark ? "dark" : undefined, { renderer: "svg" });
  const unit = chart.unit ?? "";
  const empty = !chart.series.some((s) => s.values.some((v) => v !== null && v !== undefined));
  instance.setOption({
    backgroundColor: "transparent",
    color: PALETTE,
    animation: false,
    title: { text: chart.title, left: 8, top: 4, textStyle: { fontSize: options.large ? 22 : 15 } },
    tooltip: {
      trigger: "axis",
      valueFormatter: (v) => (v === null || v === undefined ? "—" : `${v}${unit}`),
    },
    legend:
      chart.series.length > 1
        ? { top: options.large ? 36 : 28, textStyle: { fontSize: options.large ? 16 : 12 } }
        : undefined,
    grid: { left: 8, right: 16, bottom: 8, top: chart.series.length > 1 ? 64 : 44, containLabel: true },
    xAxis: {
      type: "category",
      data: chart.categories,
      axisLabel: { fontSize: options.large ? 14 : 11, hideOverlap: true },
    },
    yAxis: { type: "value", axisLabel: { formatter: `{value}${unit}`, fontSize: options.large ? 14 : 11 } },
    // Nothing to draw yet (no task this month): say so rather than show bare axes.
    graphic: empty
      ? {
          type: "text",
          left: "center",
          top: "middle",
          style: {
            text: T.chartNoData,
            fontSize: options.large ? 20 : 14,
            fill: dark ? "#8b98b0" : "#8c959f",
          },
        }
      : undefined,
    series: chart.series.map((s) => ({
      name: s.name,
      type: chart.kind,
      data: s.values,
      stack: chart.kind === "bar" && chart.series.length > 1 && unit !== "%" ? "total" : undefined,
      connectNulls: false,
      smooth: false,
    })),
  });
  drawn.add(instance);
  return instance;
}

/** Forgets the charts of a board that is drawn again. */
export function disposeCharts() {
  for (const instance of drawn) instance.dispose();
  drawn.clear();
}

export function resizeCharts() {
  for (const instance of drawn) instance.resize();
}
