/** Whether a chart writes each value on its bar or point: yes, unless so many would overlap. */
import type { Chart } from "../../core/message.ts";

/** Above this many values, labels run into each other; the axis still reads the values. */
export const MAX_VALUE_LABELS = 40;

export function showsValueLabels(chart: Chart): boolean {
  return chart.categories.length * chart.series.length <= MAX_VALUE_LABELS;
}
