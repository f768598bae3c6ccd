/**
 * The digest card from facts: every section present and 无 when empty; with content, new incidents
 * by grade (most severe first), what each open incident waits for, late and missed reports by unit
 * (incident and 零报告 alike), unconfirmed instructions with the names still owed, 零报告
 * compliance per day and current pauses; a chart of incidents per day.
 */
import { describe, expect, it } from "vitest";
import { Directory } from "../../../../src/bot/core/directory.ts";
import type { Card } from "../../../../src/bot/core/message.ts";
import { type DigestFacts, digestCard } from "../../../../src/handlers/digest/digest-card.ts";
import { digestWindow } from "../../../../src/handlers/digest/digest-window.ts";
import { sampleConfig } from "../../../support/app.ts";
import { incident, samplePolicy } from "../incident/support/incident-fixtures.ts";

/** 2026-03-03 08:00 in Shanghai. */
const NOW = new Date("2026-03-03T00:00:00Z");
const HOUR = 3_600_000;
const policy = samplePolicy();
const directory = new Directory((await sampleConfig()).org);

function empty(): DigestFacts {
  return {
    window: digestWindow(null, NOW),
    newIncidents: [],
    openIncidents: [],
    lateAndMissed: { lateIncidents: [], missedFollowUps: [], dailyExceptions: [] },
    instructions: [],
    dailyByDay: [
      { day: "2026-03-02", reports: [] },
      { day: "2026-03-03", reports: [] },
    ],
    pauses: [],
    perDay: ["02-25", "02-26", "02-27", "02-28", "03-01", "03-02", "03-03"].map((d) => ({
      day: `2026-${d}`,
      count: 0,
    })),
  };
}

function field(card: Card, label: string | RegExp): string {
  const found = card.fields.find((f) =>
    typeof label === "string" ? f.label === label : label.test(f.label),
  );
  if (!found) throw new Error(`no field ${label} in ${card.fields.map((f) => f.label).join(", ")}`);
  return found.value;
}

describe("digestCard", () => {
  it("keeps every section and says 无 in each when nothing happened", () => {
    const card = digestCard(empty(), { policy, directory, now: NOW });
    expect(card.title).toBe("信息汇总 · 2026-03-03 08:00");
    expect(card.fields.map((f) => f.label)).toEqual([
      "新增事件（03-02 08:00 以来）",
      "处置中事件（0 起）",
      "迟报漏报",
      "未确认批示（0 条）",
      "零报告",
      "暂停的提醒",
    ]);
    for (const f of card.fields) expect(f.value).toBe("无");
    expect(card.chart?.series).toEqual([{ name: "事件数", values: [0, 0, 0, 0, 0, 0, 0] }]);
  });

  it("shows each section's content", () => {
    const accident = incident({
      id: 1,
      number: "2026-0001",
      reportedAt: new Date(NOW.getTime() - 10 * HOUR),
      lastReportAt: new Date(NOW.getTime() - 10 * HOUR),
      contactName: null,
      contactPhone: null,
    });
    const landslide = incident({
      id: 2,
      number: "2026-0002",
      unitId: "baishui",
      type: "自然灾害",
      gradeId: "II",
      lateByMs: 25 * 60_000,
      reportedAt: new Date(NOW.getTime() - 2 * HOUR),
      lastReportAt: new Date(NOW.getTime() - HOUR),
      acknowledgedAt: new Date(NOW.getTime() - HOUR),
      acknowledgedBy: "li-shuji",
    });
    const facts: DigestFacts = {
      ...empty(),
      newIncidents: [accident, landslide],
      openIncidents: [accident, landslide],
      lateAndMissed: {
        lateIncidents: [{ unitId: "baishui", number: "2026-0002", lateByMs: 25 * 60_000 }],
        missedFollowUps: [{ unitId: "qingshan", number: "2026-0001" }],
        dailyExceptions: [
          { unitId: "liulin", day: "2026-03-02", status: "missed" },
          { unitId: "qingshan", day: "2026-03-02", status: "late" },
        ],
      },
      instructions: [
        {
          incidentId: 1,
          number: "2026-0001",
          leaderId: "li-shuji",
          text: "全力救治伤员，尽快查明事故原因，做好善后工作",
          createdAt: new Date(NOW.getTime() - 9 * HOUR),
          unconfirmed: ["qian-zhenzhang", "zhangsan"],
        },
      ],
      dailyByDay: [
        {
          day: "2026-03-02",
          reports: [
            { unitId: "baishui", day: "2026-03-02", status: "on_time" },
            { unitId: "emergency", day: "2026-03-02", status: "on_time" },
            { unitId: "qingshan", day: "2026-03-02", status: "late" },
            { unitId: "liulin", day: "2026-03-02", status: "missed" },
          ],
        },
        { day: "2026-03-03", reports: [] },
      ],
      pauses: [
        { chatId: "liulin-work", pausedBy: "lv-zhenzhang", until: new Date(NOW.getTime() + 48 * HOUR) },
      ],
      perDay: empty().perDay.map((d, i) => ({ ...d, count: i === 5 ? 1 : i === 6 ? 1 : 0 })),
    };
    const card = digestCard(facts, { policy, directory, now: NOW });

    // Most severe first: 重大 before 较大; the late one is marked.
    expect(field(card, /^新增事件/)).toBe(
      "共 2 起：重大 1 起、较大 1 起\n2026-0002 重大 白水乡 自然灾害 · 迟报\n2026-0001 较大 青山镇 事故灾难",
    );
    expect(field(card, "处置中事件（2 起）")).toBe(
      [
        "2026-0002 重大 白水乡 自然灾害：续报 09:00 前",
        "2026-0001 较大 青山镇 事故灾难：待已阅；待补：现场负责人及电话；待收到批示：钱镇长、张三；续报已超时（应于 02:00 前）",
      ].join("\n"),
    );
    expect(field(card, "迟报漏报")).toBe(
      [
        "青山镇：零报告迟报 1 次（03-02）；漏报续报 1 次（2026-0001）",
        "白水乡：首报迟报 1 起（2026-0002 迟 25 分钟）",
        "柳林镇：零报告漏报 1 次（03-02）",
      ].join("\n"),
    );
    expect(field(card, "未确认批示（1 条）")).toBe(
      "2026-0001 李书记批示（03-02 23:00）「全力救治伤员，尽快查明事故原因，做好善后…」：待 钱镇长、张三 收到",
    );
    expect(field(card, "零报告")).toBe("03-02：按时 2 个单位；迟报 1（青山镇）；漏报 1（柳林镇）");
    expect(field(card, "暂停的提醒")).toBe("柳林镇工作群：吕镇长暂停，至 03-05 08:00");
    expect(card.chart).toMatchObject({
      kind: "line",
      categories: ["02-25", "02-26", "02-27", "02-28", "03-01", "03-02", "03-03"],
    });
    expect(card.chart?.series[0]?.values).toEqual([0, 0, 0, 0, 0, 1, 1]);
  });
});

describe("digestWindow", () => {
  it("starts at the last digest, or 24 hours back when there is none or it is over a week old", () => {
    const last = new Date(NOW.getTime() - 14 * HOUR);
    expect(digestWindow(last, NOW)).toEqual({ from: last, to: NOW });
    expect(digestWindow(null, NOW).from).toEqual(new Date(NOW.getTime() - 24 * HOUR));
    expect(digestWindow(new Date(NOW.getTime() - 8 * 24 * HOUR), NOW).from).toEqual(
      new Date(NOW.getTime() - 24 * HOUR),
    );
  });
});
