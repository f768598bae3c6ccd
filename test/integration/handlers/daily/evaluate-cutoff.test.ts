/**
 * The zero-report cut-off on a real database: zero reports and that day's incidents count, the rest
 * are recorded as 漏报; evaluating again (a retried job) finds the same units and writes nothing new;
 * a late zero report, or an incident reported after the cut-off, turns 漏报 into 迟报, and the
 * statistics count that day as late.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ZeroReportPolicy } from "../../../../src/config/zero-report-policy.ts";
import { recordDailyReport } from "../../../../src/handlers/daily/daily-report-store.ts";
import { dayStanding } from "../../../../src/handlers/daily/day-standing.ts";
import { evaluateCutoff } from "../../../../src/handlers/daily/evaluate-cutoff.ts";
import { recordLateIncidentReport } from "../../../../src/handlers/daily/late-incident-report.ts";
import { instantOnDay } from "../../../../src/handlers/office/days.ts";
import { loadStatisticsFacts } from "../../../../src/handlers/statistics/statistics-facts.ts";
import type { Database } from "../../../../src/store/database.ts";
import { ROWS_PER_STATEMENT } from "../../../../src/store/row-batches.ts";
import { sampleConfig } from "../../../support/app.ts";
import { openTestDatabase } from "../../../support/database.ts";

const UNITS = ["qingshan", "baishui", "liulin", "emergency"];

/** Each test has a day of its own on one database (opening a database is the slow part here). */
function testDay(day: string) {
  const dayStart = instantOnDay(day, { hour: 0, minute: 0 }, "Asia/Shanghai");
  const cutoff = instantOnDay(day, { hour: 17, minute: 0 }, "Asia/Shanghai");
  return {
    day,
    input: { units: UNITS, day, dayStart, cutoff, now: cutoff },
    /** `hours` after local midnight. */
    at: (hours: number) => new Date(dayStart.getTime() + hours * 3_600_000),
  };
}

let database: Database;
let incidents = 0;

beforeAll(async () => {
  database = await openTestDatabase();
}, 60_000);

afterAll(async () => {
  await database?.close();
});

async function incident(unitId: string, reportedAt: Date) {
  incidents += 1;
  return database.prisma.incident.create({
    data: {
      number: `2026-T${incidents}`,
      sourceKey: `test-${incidents}`,
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

/** 青山镇's zero report, on time, by 张三. */
async function qingshanOnTime(day: string, at: Date): Promise<void> {
  await recordDailyReport(database.prisma, {
    kind: "zero",
    unitId: "qingshan",
    day,
    reporterId: "zhangsan",
    at,
    late: false,
  });
}

async function statuses(day: string): Promise<Record<string, string>> {
  const rows = await database.prisma.dailyReport.findMany({ where: { day }, orderBy: { unitId: "asc" } });
  return Object.fromEntries(rows.map((r) => [r.unitId, `${r.status}/${r.kind}`]));
}

describe("evaluateCutoff", () => {
  it("counts zero reports and the day's incidents before the cut-off, records the rest as missed", async () => {
    const { prisma } = database;
    const { day, input, at } = testDay("2026-12-01");
    await qingshanOnTime(day, at(9));
    await incident("baishui", at(11));
    await incident("liulin", at(18)); // after the cut-off: does not count for today
    await incident("liulin", at(-2)); // the day before

    const outcome = await evaluateCutoff(prisma, input);

    expect(outcome).toEqual({ owed: 4, missing: ["liulin", "emergency"] });
    expect(await statuses(day)).toEqual({
      baishui: "on_time/incident",
      emergency: "missed/null",
      liulin: "missed/null",
      qingshan: "on_time/zero",
    });
  });

  it("finds the same missing units when evaluated again, and writes nothing new", async () => {
    const { prisma } = database;
    const { day, input, at } = testDay("2026-12-02");
    await qingshanOnTime(day, at(9));
    const first = await evaluateCutoff(prisma, input);
    const second = await evaluateCutoff(prisma, input);
    expect(first.missing).toEqual(["baishui", "liulin", "emergency"]);
    expect(second).toEqual(first);
    expect(await prisma.dailyReport.count({ where: { day } })).toBe(4);
  });

  it("records every missing unit of a county too large for one statement, once", async () => {
    const { prisma } = database;
    const { day, input, at } = testDay("2026-11-20");
    const many = Array.from({ length: ROWS_PER_STATEMENT * 2 + 37 }, (_, i) => `unit-${i}`);
    await incident("unit-5", at(10));
    const first = await evaluateCutoff(prisma, { ...input, units: many });
    const again = await evaluateCutoff(prisma, { ...input, units: many });
    expect(first.missing).toHaveLength(many.length - 1);
    expect(again).toEqual(first);
    expect(await prisma.dailyReport.count({ where: { day, status: "missed" } })).toBe(many.length - 1);
    expect(await prisma.dailyReport.count({ where: { day, kind: "incident", unitId: "unit-5" } })).toBe(1);
  });

  it("a late zero report turns missed into late; a second report changes nothing", async () => {
    const { prisma } = database;
    const { day, input, at } = testDay("2026-12-03");
    await evaluateCutoff(prisma, input);
    const late = await recordDailyReport(prisma, {
      kind: "zero",
      unitId: "liulin",
      day,
      reporterId: "wangwu",
      at: at(18),
      late: true,
    });
    expect(late).toMatchObject({
      created: true,
      row: { status: "late", kind: "zero", reporterId: "wangwu" },
    });
    const again = await recordDailyReport(prisma, {
      kind: "zero",
      unitId: "liulin",
      day,
      reporterId: "lv",
      at: at(19),
      late: true,
    });
    expect(again).toMatchObject({ created: false, row: { status: "late", reporterId: "wangwu" } });
    expect((await statuses(day)).liulin).toBe("late/zero");
    expect((await statuses(day)).baishui).toBe("missed/null");
  });

  describe("an incident reported after the cut-off", () => {
    /** Workdays only: 2026-12-05 is a Saturday. */
    const rule: ZeroReportPolicy = {
      units: UNITS,
      days: { kinds: ["workdays"], ranges: [], source: ["workdays"] },
      cutoff: { hour: 17, minute: 0 },
    };
    const services = () => ({ database: database.prisma });
    const rules = async () => ({ timezone: (await sampleConfig()).policy.timezone, zeroReport: rule });

    it("turns the day's 漏报 into 迟报, and the statistics count it late", async () => {
      const { prisma } = database;
      const { day, input, at } = testDay("2026-12-07");
      await evaluateCutoff(prisma, input);
      const late = await incident("liulin", at(17.5));
      await recordLateIncidentReport(services(), await rules(), late);
      await recordLateIncidentReport(services(), await rules(), late);
      const row = await prisma.dailyReport.findUniqueOrThrow({
        where: { unitId_day: { unitId: "liulin", day } },
      });
      expect(row).toMatchObject({
        status: "late",
        kind: "incident",
        incidentId: late.id,
        reportedAt: at(17.5),
      });
      expect((await statuses(day)).baishui).toBe("missed/null");
      const facts = await loadStatisticsFacts(
        prisma,
        { from: at(0), to: at(24), fromDay: day, toDay: day },
        "liulin",
      );
      expect(facts.dailyCounts).toEqual([{ unitId: "liulin", status: "late", count: 1 }]);
      expect(facts.dailyExceptions).toEqual([{ unitId: "liulin", day, status: "late" }]);
    });

    it("is recorded late before a delayed cut-off job runs, which then finds the unit reported", async () => {
      const { prisma } = database;
      const { day, input, at } = testDay("2026-12-08");
      const late = await incident("liulin", at(17.01));
      await recordLateIncidentReport(services(), await rules(), late);
      const outcome = await evaluateCutoff(prisma, { ...input, now: at(17.02) });
      expect(outcome.missing).toEqual(["qingshan", "baishui", "emergency"]);
      expect((await statuses(day)).liulin).toBe("late/incident");
    });

    it("writes nothing before the cut-off, on a day owing nothing, or for a unit owing nothing", async () => {
      const { prisma } = database;
      const before = testDay("2026-12-09");
      await recordLateIncidentReport(services(), await rules(), await incident("liulin", before.at(16.9)));
      const saturday = testDay("2026-12-05");
      await recordLateIncidentReport(services(), await rules(), await incident("liulin", saturday.at(18)));
      const other = testDay("2026-12-10");
      await recordLateIncidentReport(services(), await rules(), await incident("health", other.at(18)));
      for (const day of ["2026-12-09", "2026-12-05", "2026-12-10"])
        expect(await prisma.dailyReport.count({ where: { day } })).toBe(0);
    });
  });
});

describe("dayStanding", () => {
  it("reads reports and the incidents before `until`, and keeps recorded 漏报 apart from reports", async () => {
    const { prisma } = database;
    const { day, input, at } = testDay("2026-12-04");
    await evaluateCutoff(prisma, { ...input, units: ["emergency"] });
    await qingshanOnTime(day, at(9));
    await incident("baishui", at(10));
    await incident("liulin", at(12));

    const standing = await dayStanding(prisma, {
      units: UNITS,
      day,
      dayStart: input.dayStart,
      until: at(11),
    });

    expect([...standing.reported]).toEqual(["qingshan"]);
    expect([...standing.recordedMissed]).toEqual(["emergency"]);
    expect([...standing.incidents.keys()]).toEqual(["baishui"]);
    expect(standing.missing).toEqual(["liulin", "emergency"]);
  });
});
