/**
 * Whether a chart's value axis reads whole numbers only: when every value is one (incidents per day,
 * late reports per unit), a tick at 0.5 would count half an incident. Rates with fractions keep
 * their fractional ticks. The Feishu spec and the WeChat picture ask it here; the console page
 * (public/chart.js, no build step) applies the same rule to the data it draws.
 */
import type { Chart } from "../../core/message.ts";

export function wholeNumberAxis(chart: Chart): boolean {
  return chart.series.every((series) => series.values.every((v) => v === null || Number.isInteger(v)));
}
