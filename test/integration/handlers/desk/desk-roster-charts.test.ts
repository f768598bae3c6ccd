/**
 * The roster panel and the statistics charts of the duty desk, on a real app: the sample office
 * (no roster file: everyone with the duty role is on duty) and one 首报 filed by 青山镇, seen by a
 * leader and by another unit's reporter.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DeskParts, DeskTable } from "../../../../src/bot/core/desk.ts";
import { sampleConfig, startTestApp, type TestApp } from "../../../support/app.ts";
import { ConsoleClient } from "../../../support/console-client.ts";
import { waitFor } from "../../../support/wait-for.ts";
import { deskOf, viewing } from "../incident/desk-support.ts";
import { confirmAction, driveToSummary, REPORTER, UNIT_CHAT } from "../incident/guided-report.ts";

let test: TestApp;
let desk: DeskParts;

beforeAll(async () => {
  const config = await sampleConfig();
  test = await startTestApp({ config });
  desk = deskOf(config, test);
  const client = new ConsoleClient(test.baseUrl);
  const summary = await driveToSummary(client);
  await client.press(UNIT_CHAT, REPORTER, summary.id, confirmAction(summary));
  await waitFor("the incident", () => test.database.prisma.incident.findFirst());
}, 90_000);

afterAll(async () => {
  await test?.close();
});

const chart = (id: string, who: string) => {
  const found = desk.charts?.find((c) => c.id === id);
  if (!found) throw new Error(`no chart ${id}`);
  return found.load(viewing(test, who));
};

describe("the roster panel", () => {
  it("lists today's duty people with unit, title and a phone to tap, for anyone signed in", async () => {
    const roster = desk.panels?.find((p) => p.id === "roster");
    expect(roster?.order).toBe(50);
    for (const who of ["张三", "李书记"]) {
      const view = await roster?.load(viewing(test, who));
      const table = view?.blocks[0] as DeskTable;
      expect(table.columns).toEqual(["岗位", "姓名", "单位", "职务", "电话"]);
      expect(table.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
        ["值班员", "孙值班", "县总值班室", "值班员", "13800000011"],
        ["值班员", "周值班", "县总值班室", "值班员", "13800000012"],
        ["值班员", "吴主任", "县总值班室", "值班室主任", "13800000013"],
      ]);
      expect(table.rows[0]?.cells[4]?.tel).toBe("13800000011");
    }
  });
});

describe("the charts", () => {
  it("count today's 较大 incident in the 30 days by grade, for a leader", async () => {
    const perDay = await chart("incidents-per-day", "李书记");
    expect(perDay?.categories).toHaveLength(30);
    expect(perDay?.series.map((s) => s.name)).toEqual(["特别重大", "重大", "较大", "一般"]);
    const major = perDay?.series.find((s) => s.name === "较大");
    expect(major?.values.at(-1)).toBe(1);
    expect(major?.values.slice(0, -1).every((v) => v === 0)).toBe(true);
  });

  it("show another unit's reporter only their unit", async () => {
    const perDay = await chart("incidents-per-day", "李四");
    expect(perDay?.title).toContain("白水乡");
    expect(perDay?.series.every((s) => s.values.every((v) => v === 0))).toBe(true);
    const onTime = await chart("on-time-per-unit", "李四");
    expect(onTime?.categories).toEqual(["白水乡"]);
  });

  it("give a leader this month's on-time rate of every reporting unit", async () => {
    const onTime = await chart("on-time-per-unit", "李书记");
    expect(onTime?.title).toMatch(/^各单位按时率 · \d{4}年\d{1,2}月$/);
    expect(onTime?.categories).toEqual(["县应急管理局", "县卫生健康委", "青山镇", "白水乡", "柳林镇"]);
    const incidents = onTime?.series[0];
    expect(incidents?.values[2]).toBe(100);
    expect(incidents?.values[3]).toBeNull();
  });
});
