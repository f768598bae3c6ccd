import { describe, expect, it } from "vitest";
import { incidentsPerDayChart } from "../../../../src/handlers/statistics/desk/incidents-per-day.ts";

describe("incidentsPerDayChart", () => {
  it("has a series per grade in the policy's order and a 0 for every quiet day", () => {
    const chart = incidentsPerDayChart(
      "t",
      ["2026-03-01", "2026-03-02"],
      [
        { day: "2026-03-02", gradeId: "III" },
        { day: "2026-03-02", gradeId: "III" },
        { day: "2026-03-01", gradeId: "IV" },
      ],
      [
        { id: "I", name: "特别重大" },
        { id: "III", name: "较大" },
        { id: "IV", name: "一般" },
      ],
    );
    expect(chart.categories).toEqual(["03-01", "03-02"]);
    expect(chart.series).toEqual([
      { name: "特别重大", values: [0, 0] },
      { name: "较大", values: [0, 2] },
      { name: "一般", values: [1, 0] },
    ]);
  });
});
