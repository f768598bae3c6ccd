/**
 * The incidents panel and the incident page of the duty desk, on a real app (database, Redis, the
 * console): a guided 首报 filed as 张三 of 青山镇, then the board and the page as a leader, a duty
 * officer, the reporter and another unit's reporter see them; the 已阅 action's value pressed through
 * the console inbox in its chat marks the incident read, and the 批示 action's text gives a 批示.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DeskParts, DeskTable } from "../../../../src/bot/core/desk.ts";
import type { OfficeConfig } from "../../../../src/config/load.ts";
import type { Incident } from "../../../../src/handlers/incident/incident-store.ts";
import { sampleConfig, startTestApp, type TestApp } from "../../../support/app.ts";
import { ConsoleClient } from "../../../support/console-client.ts";
import { waitFor } from "../../../support/wait-for.ts";
import { deskOf, viewing } from "./desk-support.ts";
import {
  alertCards,
  confirmAction,
  driveToSummary,
  LEADERS_CHAT,
  REPORTER,
  UNIT_CHAT,
} from "./guided-report.ts";

let test: TestApp;
let client: ConsoleClient;
let config: OfficeConfig;
let desk: DeskParts;
let incident: Incident;

beforeAll(async () => {
  config = await sampleConfig();
  test = await startTestApp({ config });
  client = new ConsoleClient(test.baseUrl);
  desk = deskOf(config, test);
  const summary = await driveToSummary(client);
  await client.press(UNIT_CHAT, REPORTER, summary.id, confirmAction(summary));
  incident = await waitFor("the incident to be alerted", async () => {
    const found = await test.database.prisma.incident.findFirst();
    return found?.alertedAt ? found : undefined;
  });
  await test.app.idle();
}, 90_000);

afterAll(async () => {
  await test?.close();
});

const panel = async (who: string) => {
  const found = desk.panels?.find((p) => p.id === "incidents");
  if (!found) throw new Error("no incidents panel");
  expect(found.order).toBe(10);
  return found.load(viewing(test, who));
};
const page = (who: string) => {
  const found = desk.itemPages?.find((p) => p.kind === "incident");
  if (!found) throw new Error("no incident page");
  return found.load(viewing(test, who), String(incident.id));
};
const tableOf = (view: { blocks: unknown[] } | null) => view?.blocks[0] as DeskTable;

describe("the incidents panel", () => {
  it("shows a leader and the duty officer the open incident with its grade, deadline and state", async () => {
    for (const who of ["李书记", "孙值班"]) {
      const view = await panel(who);
      expect(view?.count).toBe(1);
      const table = tableOf(view);
      expect(table.columns).toEqual([
        "等级",
        "事件",
        "单位",
        "已发生",
        "下一时限",
        "提醒",
        "已阅",
        "已读",
        "批示",
      ]);
      const [row] = table.rows;
      expect(row?.tone).toBe("yellow");
      expect(row?.item).toEqual({ kind: "incident", id: String(incident.id) });
      const texts = row?.cells.map((c) => c.text);
      expect(texts?.slice(0, 3)).toEqual(["较大", `${incident.number} 两车相撞，一车侧翻`, "青山镇"]);
      expect(row?.cells[3]?.since).toBe((incident.occurredAt ?? incident.reportedAt).toISOString());
      // Every element came with the 首报: the next deadline is the 续报, 4 h after it (较大).
      expect(row?.cells[4]?.text).toMatch(/^续报 /);
      expect(row?.cells[4]?.countdownTo).toBe(
        new Date(incident.reportedAt.getTime() + 4 * 3_600_000).toISOString(),
      );
      expect(texts?.slice(5)).toEqual(["第1级", "未阅", "—", "未批示"]);
    }
  });

  it("shows the reporting unit its own incident and another unit none", async () => {
    expect((await panel("张三"))?.count).toBe(1);
    const other = await panel("李四");
    expect(other?.count).toBe(0);
    expect(tableOf(other).rows).toEqual([]);
    expect(tableOf(other).empty).toBe("目前没有在办事件。");
  });
});

describe("the incident page", () => {
  it("tells a leader the facts, the 首报, the timeline and offers what a leader may do", async () => {
    const view = await page("李书记");
    expect(view?.title).toBe(`${incident.number} 两车相撞，一车侧翻`);
    expect(view?.tone).toBe("yellow");
    expect(view?.sections.map((s) => s.title)).toEqual(["概况", "首报", "时间线"]);
    const facts = view?.sections[0]?.blocks[0];
    expect(facts?.kind === "facts" && facts.facts.map((f) => f.label)).toEqual([
      "编号",
      "等级",
      "单位",
      "类型",
      "地点",
      "事发时间",
      "首报时间",
      "状态",
      "下一时限",
    ]);
    const report = view?.sections[1]?.blocks[0];
    expect(report?.kind === "text" && report.text).toContain("基本情况：两车相撞，一车侧翻");
    const timeline = view?.sections[2]?.blocks[0];
    expect(timeline?.kind === "timeline" && timeline.entries[0]).toMatchObject({ who: "张三", text: "上报" });
    expect(view?.actions.map((a) => a.id)).toEqual(["ack", "instruct", "request-follow-up"]);
    expect(view?.actions.every((a) => a.chatId === "leaders")).toBe(true);
    expect(view?.documents).toEqual([
      { documentId: "incident-report", label: "下载信息专报", params: { incident: String(incident.id) } },
    ]);
  });

  it("offers the duty officer less, the reporter nothing, and shows another unit no page", async () => {
    const duty = await page("孙值班");
    expect(duty?.actions.map((a) => [a.id, a.chatId])).toEqual([["request-follow-up", "duty"]]);
    expect(duty?.documents).toHaveLength(1);
    const reporter = await page("张三");
    expect(reporter?.actions).toEqual([]);
    expect(reporter?.documents).toEqual([]);
    expect((await page("钱镇长"))?.documents).toHaveLength(1);
    expect(await page("李四")).toBeNull();
  });

  it("marks the incident read when the 已阅 action's value is pressed in its chat, as the web will", async () => {
    const ack = (await page("李书记"))?.actions.find((a) => a.id === "ack");
    expect(ack?.press).toBe(`inc:ack:${incident.id}`);
    const [alert] = alertCards(await client.botMessages(LEADERS_CHAT), incident.number);
    if (!alert || !ack?.press) throw new Error("no alert card in the leaders' group");
    await test.app.inbox.press(ack.chatId, "李书记", alert.id, ack.press);
    const read = await test.database.prisma.incident.findUniqueOrThrow({ where: { id: incident.id } });
    expect(read.acknowledgedBy).toBe("li-shuji");
    expect((await page("李书记"))?.actions.map((a) => a.id)).toEqual(["instruct", "request-follow-up"]);
    expect(tableOf(await panel("孙值班")).rows[0]?.cells[6]?.text).toBe("李书记 已阅");
  });

  it("gives a 批示 when the 批示 action's words are said in its chat, then lists it with its receipts and offers 转督办", async () => {
    const instruct = (await page("王县长"))?.actions.find((a) => a.id === "instruct");
    if (!instruct?.say) throw new Error("no 批示 action");
    await test.app.inbox.say(
      instruct.chatId,
      "王县长",
      `@快报助手 ${instruct.say.replace("{text}", "请全力救治伤员")}`,
    );
    const view = await waitFor("the 批示 on the page", async () => {
      const found = await page("王县长");
      return found?.sections.some((s) => s.title === "批示") ? found : undefined;
    });
    const section = view.sections.find((s) => s.title === "批示");
    expect(section?.blocks[0]).toMatchObject({ kind: "text", text: "请全力救治伤员" });
    const receipts = section?.blocks[1] as DeskTable;
    expect(receipts.rows.length).toBeGreaterThan(0);
    expect(receipts.rows.every((r) => r.cells[1]?.text === "未收到")).toBe(true);
    expect(view.actions.map((a) => a.id)).toEqual(["instruct", "request-follow-up", "convert"]);
    expect((await page("孙值班"))?.actions.map((a) => a.id)).toEqual(["request-follow-up", "convert"]);
    expect(tableOf(await panel("李书记")).rows[0]?.cells[8]?.text).toBe(
      `批示 0/${receipts.rows.length} 已收到`,
    );
  });
});
