/**
 * A neutral {@link Chart} drawn on the server: ECharts renders it to SVG (its server-side mode, no
 * DOM), resvg turns the SVG into a PNG — for WeChat, which shows pictures but no card charts.
 * Chinese labels need a CJK font on the host (Debian: fonts-noto-cjk or fonts-wqy-microhei);
 * `fontFiles` adds others.
 */
import { Resvg } from "@resvg/resvg-js";
import * as echarts from "echarts";
import type { Chart } from "../../core/message.ts";
import { echartsOption } from "./echarts-option.ts";

export interface ChartSize {
  width: number;
  height: number;
}

export const DEFAULT_CHART_SIZE: ChartSize = { width: 720, height: 400 };

export function renderChartSvg(chart: Chart, size: ChartSize = DEFAULT_CHART_SIZE): string {
  const instance = echarts.init(null, null, { renderer: "svg", ssr: true, ...size });
  try {
    instance.setOption(echartsOption(chart));
    return instance.renderToSVGString();
  } finally {
    // An undisposed SSR instance keeps a timer alive and the process with it.
    instance.dispose();
  }
}

export interface RenderedChart {
  png: Buffer;
  width: number;
  height: number;
  /** The SVG the PNG was drawn from. */
  svg: string;
}

export interface RenderChartOptions {
  size?: ChartSize;
  /** Extra font files (.ttf/.otf) for hosts without a CJK system font. */
  fontFiles?: string[];
  /** Pixel density: 2 draws a sharper picture for phone screens. */
  scale?: number;
}

export function renderChartPng(chart: Chart, options: RenderChartOptions = {}): RenderedChart {
  const size = options.size ?? DEFAULT_CHART_SIZE;
  const svg = renderChartSvg(chart, size);
  const scale = options.scale ?? 1;
  const resvg = new Resvg(svg, {
    fitTo: scale === 1 ? { mode: "original" } : { mode: "zoom", value: scale },
    background: "#ffffff",
    font: { loadSystemFonts: true, fontFiles: options.fontFiles ?? [], defaultFontFamily: "sans-serif" },
  });
  const image = resvg.render();
  return { png: image.asPng(), width: image.width, height: image.height, svg };
}
