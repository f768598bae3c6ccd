/**
 * The zero-report cut-off on a real database: zero reports and that day's incidents count, the rest
 * are recorded as 漏报; evaluating again (a retried job) finds the same units and writes nothing new;
 * a late zero report turns 漏报 into 迟报.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { recordZeroReport } from "../../../src/handlers/daily-report/daily-report-store.ts";
import { evaluateCutoff } from "../../../src/handlers/daily-report/evaluate-cutoff.ts";
import type { Database } from "../../../src/store/database.ts";
import { openTestDatabase } from "../../support/database.ts";

const DAY = "2026-12-01";
const dayStart = new Date("2026-11-30T16:00:00Z"); // 00:00 in Shanghai
const cutoff = new Date("2026-12-01T09:00:00Z"); // 17:00
const at = (h: number) => new Date(dayStart.getTime() + h * 3_600_000);
const UNITS = ["qingshan", "baishui", "liulin", "emergency"];

let database: Database;

beforeEach(async () => {
  database = await openTestDatabase();
});
afterEach(async () => {
  await database.close();
});

async function incident(unitId: string, reportedAt: Date, n: number) {
  await database.prisma.incident.create({
    data: {
      number: `2026-000${n}`,
      sourceKey: `test-${n}`,
      unitId,
      reporterId: "someone",
      chatId: `${unitId}-work`,
      type: "其他",
      gradeId: "IV",
      reportedAt,
      lastReportAt: reportedAt,
    },
  });
}

async function statuses() {
  const rows = await database.prisma.dailyReport.findMany({
    where: { day: DAY },
    orderBy: { unitId: "asc" },
  });
  return Object.fromEntries(rows.map((r) => [r.unitId, `${r.status}/${r.kind}`]));
}

describe("evaluateCutoff", () => {
  it("counts zero reports and the day's incidents before the cut-off, records the rest as missed", async () => {
    const { prisma } = database;
    await recordZeroReport(prisma, {
      unitId: "qingshan",
      day: DAY,
      reporterId: "zhangsan",
      at: at(9),
      late: false,
    });
    await incident("baishui", at(11), 1);
    await incident("liulin", at(18), 2); // after the cut-off: does not count for today
    await incident("liulin", at(-2), 3); // the day before

    const outcome = await evaluateCutoff(prisma, { units: UNITS, day: DAY, dayStart, cutoff, now: cutoff });

    expect(outcome).toEqual({ owed: 4, missing: ["liulin", "emergency"] });
    expect(await statuses()).toEqual({
      baishui: "on_time/incident",
      emergency: "missed/null",
      liulin: "missed/null",
      qingshan: "on_time/zero",
    });
  });

  it("finds the same missing units when evaluated again, and writes nothing new", async () => {
    const { prisma } = database;
    await recordZeroReport(prisma, {
      unitId: "qingshan",
      day: DAY,
      reporterId: "zhangsan",
      at: at(9),
      late: false,
    });
    const input = { units: UNITS, day: DAY, dayStart, cutoff, now: cutoff };
    const first = await evaluateCutoff(prisma, input);
    const second = await evaluateCutoff(prisma, input);
    expect(second).toEqual(first);
    expect(await prisma.dailyReport.count({ where: { day: DAY } })).toBe(4);
  });

  it("a late zero report turns missed into late; a second report changes nothing", async () => {
    const { prisma } = database;
    await evaluateCutoff(prisma, { units: UNITS, day: DAY, dayStart, cutoff, now: cutoff });
    const late = await recordZeroReport(prisma, {
      unitId: "liulin",
      day: DAY,
      reporterId: "wangwu",
      at: at(18),
      late: true,
    });
    expect(late).toMatchObject({
      created: true,
      row: { status: "late", kind: "zero", reporterId: "wangwu" },
    });
    const again = await recordZeroReport(prisma, {
      unitId: "liulin",
      day: DAY,
      reporterId: "lv",
      at: at(19),
      late: true,
    });
    expect(again).toMatchObject({ created: false, row: { status: "late", reporterId: "wangwu" } });
    expect((await statuses()).liulin).toBe("late/zero");
  });
});
