/** The VChart spec for Feishu's card chart carries every value of every series, and nothing else. */
import { describe, expect, it } from "vitest";
import {
  feishuChartElement,
  vchartSpec,
} from "../../../../../../src/bot/adapters/feishu/outbound/vchart-spec.ts";
import type { Chart } from "../../../../../../src/bot/core/message.ts";

const chart: Chart = {
  kind: "bar",
  title: "各单位按时率",
  categories: ["青山镇", "白水乡"],
  series: [
    { name: "首报按时率", values: [33.3, null] },
    { name: "零报告按时率", values: [50, 100] },
  ],
  unit: "%",
};

describe("vchartSpec", () => {
  it("has one datum per category and series, skipping missing values", () => {
    const spec = vchartSpec(chart);
    expect(spec.data.values).toEqual([
      { category: "青山镇", series: "首报按时率", value: 33.3 },
      { category: "青山镇", series: "零报告按时率", value: 50 },
      { category: "白水乡", series: "零报告按时率", value: 100 },
    ]);
  });

  it("groups bars by series within a category, titles and labels them with the unit", () => {
    const spec = vchartSpec(chart);
    expect(spec).toMatchObject({
      type: "bar",
      title: { visible: true, text: "各单位按时率" },
      xField: ["category", "series"],
      yField: "value",
      seriesField: "series",
      legends: { visible: true },
      label: { visible: true, formatter: "{value}%" },
    });
  });

  it("draws a line with points, one x value per category", () => {
    const spec = vchartSpec({
      kind: "line",
      title: "事件",
      categories: ["03-01"],
      series: [{ name: "事件数", values: [2] }],
    });
    expect(spec).toMatchObject({
      type: "line",
      xField: "category",
      point: { visible: true },
      legends: { visible: false },
    });
    expect(spec.data.values).toEqual([{ category: "03-01", series: "事件数", value: 2 }]);
  });

  it("keeps the value axis to whole numbers when every value is one (counts), not for rates", () => {
    const counts = vchartSpec({
      kind: "line",
      title: "事件",
      categories: ["03-01", "03-02"],
      series: [{ name: "事件数", values: [0, 1] }],
    });
    expect(counts.axes).toEqual([{ orient: "left", type: "linear", tick: { noDecimals: true } }]);
    expect(vchartSpec(chart).axes).toBeUndefined();
  });

  it("is plain JSON (no functions: Feishu cards carry none) inside a chart element", () => {
    const element = feishuChartElement(chart);
    expect(element.tag).toBe("chart");
    expect(JSON.parse(JSON.stringify(element))).toEqual(element);
  });

  it("leaves value labels off when so many would overlap (every unit of a county)", () => {
    const units = Array.from({ length: 41 }, (_, i) => `单位${i + 1}`);
    const many: Chart = {
      kind: "bar",
      title: "按时率",
      categories: units,
      series: [{ name: "首报按时率", values: units.map(() => 90) }],
    };
    expect(vchartSpec(many)).toMatchObject({ label: { visible: false } });
    expect(vchartSpec({ ...many, categories: units.slice(0, 40) })).toMatchObject({
      label: { visible: true },
    });
  });
});
