/**
 * The desk's `zero-report` panel on the real app and database (2026-12-07, cut-off 17:00): zero
 * reports recorded as the command records them, an incident that counts as a unit's report, a late
 * report, a unit still awaited and, after the cut-off, one missed; a 零报告 said in the console shows
 * at once; leaders, the duty office and a unit's reporter see the same grid; no rule, no panel.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DeskTiles } from "../../../../src/bot/core/desk.ts";
import { Directory } from "../../../../src/bot/core/directory.ts";
import { zeroReportPolicySchema } from "../../../../src/config/zero-report-policy.ts";
import { recordDailyReport } from "../../../../src/handlers/daily/daily-report-store.ts";
import { zeroReportPanel } from "../../../../src/handlers/daily/desk/zero-report-panel.ts";
import { officeOf } from "../../../../src/handlers/office/office.ts";
import { sampleConfig } from "../../../support/app.ts";
import { DeskWorld } from "../supervision/desk-world.ts";

/** A local (Shanghai) time on 2026-12-07. */
const local = (hour: number, minute = 0) => new Date(Date.UTC(2026, 11, 7, hour - 8, minute));
const NOW = local(16);
const UNITS = ["qingshan", "baishui", "liulin", "emergency", "health"];

let world: DeskWorld;

const report = (unitId: string, at: Date, late: boolean) =>
  recordDailyReport(world.prisma, { unitId, day: "2026-12-07", kind: "zero", reporterId: null, at, late });

beforeAll(async () => {
  const config = await sampleConfig();
  const zeroReport = zeroReportPolicySchema.parse({ units: UNITS, days: "daily", cutoff: "17:00" });
  world = await DeskWorld.open(NOW, { ...config, schedules: { entries: [], zeroReport } });
  const prisma = world.prisma;
  await report("qingshan", local(9, 10), false);
  await prisma.incident.create({
    data: {
      number: "2026-0101",
      sourceKey: "desk-zero-report-1",
      unitId: "baishui",
      reporterId: "lisi",
      chatId: "baishui-work",
      type: "其他",
      gradeId: "IV",
      reportedAt: local(10),
      lastReportAt: local(10),
    },
  });
}, 60_000);

afterAll(async () => {
  await world?.close();
});

async function tiles(personId: string, now = NOW): Promise<DeskTiles> {
  const panel = world.desk.panels?.find((p) => p.id === "zero-report");
  const view = await panel?.load({ ...world.context(personId), now });
  const block = view?.blocks[0];
  if (block?.kind !== "tiles") throw new Error("no tiles");
  return block;
}

const grid = (t: DeskTiles) => t.tiles.map((tile) => [tile.text, tile.label, tile.tone]);

describe("today's 零报告 on the desk", () => {
  it("shows each owing unit's state before the cut-off, with the time it reported", async () => {
    const panel = await world.panel("zero-report", "li-shuji");
    expect(panel?.title).toBe("今日零报告（17:00 截止）");
    expect(grid(await tiles("li-shuji"))).toEqual([
      ["青山镇 09:10", "已报", "green"],
      ["白水乡 10:00", "已报", "green"],
      ["柳林镇", "未到截止", "grey"],
      ["县应急管理局", "未到截止", "grey"],
      ["县卫生健康委", "未到截止", "grey"],
    ]);
  });

  it("shows a 零报告 said in the unit's group at once", { timeout: 30_000 }, async () => {
    await world.test.app.inbox.say("柳林镇工作群", "王五", "@快报助手 零报告");
    await world.test.app.idle();
    expect(grid(await tiles("sun-zhiban"))[2]).toEqual(["柳林镇 16:00", "已报", "green"]);
  });

  it("after the cut-off: a late report 迟报, no report 漏报; the same grid for leaders, duty and a unit's reporter", async () => {
    await report("emergency", local(17, 30), true);
    const after = local(18);
    const leader = await tiles("li-shuji", after);
    expect(grid(leader).slice(2)).toEqual([
      ["柳林镇 16:00", "已报", "green"],
      ["县应急管理局 17:30", "迟报", "yellow"],
      ["县卫生健康委", "漏报", "red"],
    ]);
    expect(leader.legend).toEqual([
      { text: "已报", tone: "green", count: 3 },
      { text: "迟报", tone: "yellow", count: 1 },
      { text: "漏报", tone: "red", count: 1 },
      { text: "未到截止", tone: "grey", count: 0 },
    ]);
    expect(await tiles("sun-zhiban", after)).toEqual(leader);
    expect(await tiles("zhangsan", after)).toEqual(leader);
  });

  it("is not on the board when the office asks for no zero reports", async () => {
    const config = await sampleConfig();
    const office = officeOf(config, new Directory(config.org));
    expect(await zeroReportPanel(office).load(world.context("li-shuji"))).toBeNull();
  });

  it("says so on a day the rule asks for none", async () => {
    const config = await sampleConfig();
    const office = officeOf(config, new Directory(config.org));
    const zeroReport = zeroReportPolicySchema.parse({ units: UNITS, days: "weekends", cutoff: "17:00" });
    const panel = await zeroReportPanel({ ...office, zeroReport }).load(world.context("li-shuji"));
    expect(panel?.blocks).toEqual([{ kind: "text", text: "今天不是需要报送零报告的日子。" }]);
  });
});
