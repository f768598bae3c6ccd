/**
 * The `digest` job on the real app (BullMQ, database, console): it goes to the chats its data
 * names, shows 零报告 compliance and current pauses from the reminder tables, late and missed
 * reports by unit, and records its window so the next digest covers only what came after; a job
 * run again sends nothing new.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConsoleMessageDto } from "../../../../src/bot/adapters/console/console-message.ts";
import { startTestApp, type TestApp } from "../../../support/app.ts";
import { waitFor } from "../../../support/wait-for.ts";
import { insertDaily, insertIncident, insertMissedFollowUp, MINUTE } from "./reporting-fixture.ts";

const HOUR = 60 * MINUTE;
/** 2026-03-03 08:00 in Shanghai. */
const MORNING = new Date("2026-03-03T00:00:00Z");
let now = MORNING;
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ clock: { now: () => now } });
  const prisma = t.database.prisma;
  const yesterday = (h: number) => new Date(MORNING.getTime() - (24 - h) * HOUR);
  const late = await insertIncident(prisma, {
    number: "2026-0001",
    unitId: "baishui",
    reportedAt: yesterday(15),
    lateByMs: 40 * MINUTE,
    status: "open",
  });
  await insertMissedFollowUp(prisma, late, yesterday(20));
  // Before the window (two days ago): not new, not late in this digest.
  await insertIncident(prisma, {
    number: "2026-0000",
    unitId: "qingshan",
    reportedAt: yesterday(-20),
    lateByMs: HOUR,
  });
  await insertDaily(prisma, [
    { unitId: "qingshan", day: "2026-03-02", status: "on_time", at: yesterday(9) },
    { unitId: "emergency", day: "2026-03-02", status: "on_time", at: yesterday(10) },
    { unitId: "baishui", day: "2026-03-02", status: "late", at: yesterday(18) },
    { unitId: "liulin", day: "2026-03-02", status: "missed", at: yesterday(17) },
  ]);
  await prisma.reminderPause.createMany({
    data: [
      {
        chatId: "liulin-work",
        pausedBy: "lv-zhenzhang",
        from: yesterday(12),
        until: new Date(MORNING.getTime() + 48 * HOUR),
      },
      // Ended early by 提醒 恢复, and one already over: neither is shown.
      {
        chatId: "qingshan-work",
        pausedBy: "qian-zhenzhang",
        from: yesterday(8),
        until: new Date(MORNING.getTime() + HOUR),
        endedAt: yesterday(9),
      },
      { chatId: "baishui-work", pausedBy: "he-xiangzhang", from: yesterday(-30), until: yesterday(1) },
    ],
  });
}, 60_000);

afterAll(async () => {
  await t?.close();
});

async function digestsIn(chatId: string): Promise<ConsoleMessageDto[]> {
  return (await t.app.history.list(chatId)).filter((m) => m.card?.title.startsWith("信息汇总"));
}

function value(message: ConsoleMessageDto | undefined, label: RegExp): string | undefined {
  return message?.card?.fields.find((f) => label.test(f.label))?.value;
}

describe("the digest job", () => {
  it("sends the digest to the chats named in its data, with the reminder tables' facts", {
    timeout: 30_000,
  }, async () => {
    await t.app.services.scheduler.schedule("digest-morning-20260303", MORNING, {
      name: "digest",
      // A unit's work group named by mistake: it holds clerks, so it gets no all-unit digest.
      data: {
        chats: ["leaders", "总值班室", "青山镇工作群"],
        scheduleId: "digest-morning",
        dueAt: MORNING.toISOString(),
      },
    });
    const [leaders] = await waitFor("the digest in 县领导群", async () => {
      const found = await digestsIn("leaders");
      return found.length > 0 && found;
    });
    const [duty] = await waitFor("the digest in 总值班室", async () => {
      const found = await digestsIn("duty");
      return found.length > 0 && found;
    });
    expect(duty?.card?.fields).toEqual(leaders?.card?.fields);
    expect(await digestsIn("qingshan-work")).toEqual([]);

    expect(value(leaders, /^新增事件（03-02 08:00 以来）$/)).toBe(
      "共 1 起：一般 1 起\n2026-0001 一般 白水乡 事故灾难 · 迟报",
    );
    expect(value(leaders, /^迟报漏报$/)).toBe(
      "白水乡：首报迟报 1 起（2026-0001 迟 40 分钟）；零报告迟报 1 次（03-02）；漏报续报 1 次（2026-0001）\n柳林镇：零报告漏报 1 次（03-02）",
    );
    expect(value(leaders, /^零报告$/)).toBe("03-02：按时 2 个单位；迟报 1（白水乡）；漏报 1（柳林镇）");
    expect(value(leaders, /^暂停的提醒$/)).toBe("柳林镇工作群：吕镇长暂停，至 03-05 08:00");
    expect(value(leaders, /^未确认批示/)).toBe("无");
    // 02-25 … 03-03: 2026-0000 on 03-01, 2026-0001 on 03-02, nothing yet today.
    expect(leaders?.card?.chart?.categories).toEqual([
      "02-25",
      "02-26",
      "02-27",
      "02-28",
      "03-01",
      "03-02",
      "03-03",
    ]);
    expect(leaders?.card?.chart?.series[0]?.values).toEqual([0, 0, 0, 0, 1, 1, 0]);

    const run = await t.database.prisma.digestRun.findUnique({ where: { key: "digest-morning-20260303" } });
    expect(run?.sentAt).toEqual(MORNING);
    expect(run?.chats).toEqual(["leaders", "duty"]);
  });

  it("sends nothing new when the same job runs again (a retry)", { timeout: 30_000 }, async () => {
    now = new Date(MORNING.getTime() + 5 * MINUTE);
    await t.app.jobs.run(t.app.services, "digest-morning-20260303", {
      name: "digest",
      data: { chats: ["leaders", "duty"] },
    });
    await t.app.idle();
    expect(await digestsIn("leaders")).toHaveLength(1);
    expect(await t.database.prisma.digestRun.count()).toBe(1);
  });

  it("covers only what came after the last digest", { timeout: 30_000 }, async () => {
    now = new Date(MORNING.getTime() + 10 * HOUR);
    await insertIncident(t.database.prisma, {
      number: "2026-0002",
      unitId: "qingshan",
      gradeId: "III",
      reportedAt: new Date(MORNING.getTime() + 2 * HOUR),
    });
    await t.app.jobs.run(t.app.services, "digest-evening-20260303", {
      name: "digest",
      data: { chats: ["duty"] },
    });
    await t.app.idle();
    const evening = (await digestsIn("duty"))[1];
    expect(evening?.card?.title).toBe("信息汇总 · 2026-03-03 18:00");
    expect(value(evening, /^新增事件（08:00 以来）$/)).toBe(
      "共 1 起：较大 1 起\n2026-0002 较大 青山镇 事故灾难",
    );
    // The morning's late report and missed follow-up were in the last digest; the 零报告 of 03-02 are still shown as the day's.
    expect(value(evening, /^迟报漏报$/)).toBe("无");
    expect(await digestsIn("leaders")).toHaveLength(1);
  });
});
