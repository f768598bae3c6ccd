/**
 * The server-rendered chart (for WeChat): the SVG ECharts draws carries the chart's title,
 * categories, series names and every value (read back from its text elements before rasterising),
 * and resvg turns it into a real PNG of the asked size.
 */
import { describe, expect, it } from "vitest";
import { echartsOption } from "../../../../../src/bot/adapters/wechat/echarts-option.ts";
import { renderChartPng, renderChartSvg } from "../../../../../src/bot/adapters/wechat/render-chart.ts";
import type { Chart } from "../../../../../src/bot/core/message.ts";

const chart: Chart = {
  kind: "bar",
  title: "各单位按时率",
  categories: ["青山镇", "白水乡", "柳林镇"],
  series: [
    { name: "首报按时率", values: [33.3, 100, null] },
    { name: "零报告按时率", values: [50, 87.5, 12.5] },
  ],
  unit: "%",
};

/** The text content of every <text> element, entities decoded. */
function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) =>
    (m[1] ?? "").replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">"),
  );
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.subarray(0, 8).equals(signature)).toBe(true);
  expect(png.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe("renderChartSvg", () => {
  it("draws the title, every category, both series names and each value with its unit", () => {
    const texts = svgTexts(renderChartSvg(chart, { width: 640, height: 360 }));
    expect(texts).toContain("各单位按时率");
    for (const category of chart.categories) expect(texts).toContain(category);
    expect(texts).toContain("首报按时率");
    expect(texts).toContain("零报告按时率");
    for (const value of ["33.3%", "100%", "50%", "87.5%", "12.5%"]) expect(texts).toContain(value);
  });

  it("draws no label for a missing value", () => {
    const option = echartsOption(chart);
    const series = option.series as { data: (number | null)[] }[];
    expect(series[0]?.data).toEqual([33.3, 100, null]);
    const labels = svgTexts(renderChartSvg(chart)).filter((t) => t.endsWith("%"));
    // Five values drawn on bars; the axis labels (0%…100%) are there too, but no label for the null.
    expect(labels.filter((t) => ["33.3%", "87.5%", "12.5%"].includes(t))).toHaveLength(3);
    expect(labels).not.toContain("null%");
  });

  it("draws a line chart with its points' values", () => {
    const line: Chart = {
      kind: "line",
      title: "近 7 天新增事件",
      categories: ["03-01", "03-02", "03-03"],
      series: [{ name: "事件数", values: [4, 0, 7] }],
    };
    const svg = renderChartSvg(line);
    const texts = svgTexts(svg);
    expect(texts).toEqual(expect.arrayContaining(["近 7 天新增事件", "03-01", "03-02", "03-03", "4", "7"]));
    // A line, not bars: one polyline path through the three points.
    expect(svg).toMatch(/<path d="M[\d.]+ [\d.]+L[\d.]+ [\d.]+L[\d.]+ [\d.]+" fill="none"/);
  });

  it("reads whole numbers on the value axis when every value is one (counts of incidents)", () => {
    const counts: Chart = {
      kind: "line",
      title: "近 7 天新增事件",
      categories: ["03-01", "03-02", "03-03"],
      series: [{ name: "事件数", values: [0, 0, 1] }],
    };
    const ticks = svgTexts(renderChartSvg(counts)).filter((t) => /^[\d.]+$/.test(t));
    expect(ticks).toContain("1");
    expect(ticks.filter((t) => t.includes("."))).toEqual([]);
  });
});

describe("renderChartPng", () => {
  it("is a PNG of the asked size, drawn from the same SVG", () => {
    const rendered = renderChartPng(chart, { size: { width: 640, height: 360 } });
    expect(pngSize(rendered.png)).toEqual({ width: 640, height: 360 });
    expect([rendered.width, rendered.height]).toEqual([640, 360]);
    expect(svgTexts(rendered.svg)).toContain("87.5%");
    expect(rendered.png.length).toBeGreaterThan(2000);
  });

  it("scales for sharper pictures on phones", () => {
    const rendered = renderChartPng(chart, { size: { width: 300, height: 200 }, scale: 2 });
    expect(pngSize(rendered.png)).toEqual({ width: 600, height: 400 });
  });

  it("writes no value labels when so many would overlap, but still draws every category", () => {
    const units = Array.from({ length: 64 }, (_, i) => `单位${i + 1}`);
    const many: Chart = {
      kind: "bar",
      title: "按时率",
      categories: units,
      series: [{ name: "首报按时率", values: units.map(() => 87.5) }],
      unit: "%",
    };
    const texts = svgTexts(renderChartSvg(many, { width: 1600, height: 480 }));
    expect(texts).not.toContain("87.5%");
    expect(texts).toContain("单位64");
  });
});
