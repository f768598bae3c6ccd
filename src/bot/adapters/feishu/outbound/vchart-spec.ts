/**
 * A neutral {@link Chart} as a VChart spec, the form Feishu's card `chart` element draws natively.
 * Pure data: Feishu accepts no functions in a card, so labels use string templates only.
 */
import type { Chart } from "../../../core/message.ts";
import { wholeNumberAxis } from "../../common/value-axis.ts";
import { showsValueLabels } from "../../common/value-labels.ts";

/** One data row of the spec: a value of one series in one category. */
export interface VChartDatum {
  category: string;
  series: string;
  value: number;
}

export type VChartSpec = Record<string, unknown> & {
  type: Chart["kind"];
  data: { values: VChartDatum[] };
};

export function vchartData(chart: Chart): VChartDatum[] {
  return chart.series.flatMap((series) =>
    chart.categories.flatMap((category, i) => {
      const value = series.values[i];
      return typeof value === "number" ? [{ category, series: series.name, value }] : [];
    }),
  );
}

export function vchartSpec(chart: Chart): VChartSpec {
  const label = {
    visible: showsValueLabels(chart),
    ...(chart.unit ? { formatter: `{value}${chart.unit}` } : {}),
  };
  return {
    type: chart.kind,
    title: { visible: true, text: chart.title },
    data: { values: vchartData(chart) },
    // Grouped bars sit side by side within a category; a line chart has one point per category.
    xField: chart.kind === "bar" ? ["category", "series"] : "category",
    yField: "value",
    seriesField: "series",
    legends: { visible: chart.series.length > 1, orient: "bottom" },
    label,
    ...(chart.kind === "line" ? { point: { visible: true } } : {}),
    ...(wholeNumberAxis(chart)
      ? { axes: [{ orient: "left", type: "linear", tick: { noDecimals: true } }] }
      : {}),
  };
}

/** The Feishu Card JSON 2.0 element that shows the chart. */
export function feishuChartElement(chart: Chart): {
  tag: "chart";
  aspect_ratio: string;
  chart_spec: VChartSpec;
} {
  return { tag: "chart", aspect_ratio: "16:9", chart_spec: vchartSpec(chart) };
}
