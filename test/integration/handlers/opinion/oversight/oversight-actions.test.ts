/**
 * The leaders' and the duty office's steps on a 舆情 item through the real app and the console:
 * items put on file as a confirmed 登记 files them (their clocks armed on a virtual-time scheduler,
 * the alert counted as sent, an alert card with the item's buttons posted to the leaders' group,
 * the duty group and the unit's group), then people press buttons and type. Checks what the
 * database holds, which clocks still wait, and what each chat is told.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConsoleMessageDto } from "../../../../../src/bot/adapters/console/console-message.ts";
import { armItemTimers } from "../../../../../src/handlers/opinion/item-timers.ts";
import { opinionMessages as O } from "../../../../../src/handlers/opinion/messages.ts";
import {
  type OpinionAction,
  opinionActionValue,
} from "../../../../../src/handlers/opinion/opinion-actions.ts";
import { OpinionStore } from "../../../../../src/handlers/opinion/opinion-store.ts";
import type { OpinionItem } from "../../../../../src/handlers/opinion/opinion-types.ts";
import { incidentFiledListener } from "../../../../../src/handlers/opinion/oversight/incident-filed.ts";
import { levelOf, opinionDues } from "../../../../../src/handlers/opinion/rules/opinion-level.ts";
import { VirtualClock } from "../../../../../src/transcript/virtual-clock.ts";
import { VirtualScheduler } from "../../../../../src/transcript/virtual-scheduler.ts";
import { sampleConfig, startTestApp, type TestApp } from "../../../../support/app.ts";
import { ConsoleClient } from "../../../../support/console-client.ts";

const LEADERS = "县领导群";
const DUTY = "总值班室";
const QINGSHAN = "青山镇工作群";
const CONTENT = "微博网友发帖称青山镇李家村垃圾长期无人清运";
const START = new Date("2026-12-07T09:10:00+08:00");
const FOUND = new Date("2026-12-07T08:30:00+08:00");

let test: TestApp;
let client: ConsoleClient;
let store: OpinionStore;
let scheduler: VirtualScheduler;
let clock: VirtualClock;
let sequence = 0;

beforeAll(async () => {
  clock = new VirtualClock(START);
  scheduler = new VirtualScheduler(clock);
  test = await startTestApp({ clock, scheduler, recurring: scheduler });
  client = new ConsoleClient(test.baseUrl);
  store = new OpinionStore(test.database.prisma);
}, 120_000);

afterAll(async () => {
  await test?.close();
});

/** Files a 一般 item for 青山镇 as a confirmed 登记 does, arms its clocks and posts its alert cards. */
async function fileItem(): Promise<OpinionItem> {
  sequence += 1;
  const { opinion } = (await sampleConfig()).policy;
  const now = clock.now();
  const { item } = await store.create({
    sourceKey: `oversight-${sequence}`,
    source: "微博",
    link: "https://weibo.com/1234567890/AbCdEf",
    content: CONTENT,
    unitId: "qingshan",
    foundAt: FOUND,
    reads: 23_000,
    reposts: 150,
    comments: 320,
    levelId: "general",
    registeredBy: "sun-zhiban",
    chatId: "duty",
    registeredAt: now,
    ...opinionDues(levelOf(opinion, "general"), FOUND),
    year: 2026,
  });
  await armItemTimers(scheduler, opinion, item, now);
  await store.setIf(item.id, { alertedAt: null }, { alertedAt: now });
  const card = (actions: OpinionAction[]) => ({
    title: O.heading(item.number),
    fields: [{ label: "内容", value: item.content }],
    buttons: actions.map((action) => ({
      label: O.buttons[action],
      action: opinionActionValue(action, item.id),
    })),
  });
  for (const [chatId, actions] of [
    ["leaders", ["read", "instruct", "convert"]],
    ["duty", ["read", "instruct", "convert"]],
    ["qingshan-work", ["sign", "verify", "draft", "respond", "convert"]],
  ] as const) {
    await test.app.messenger.send({
      chatId,
      idempotencyKey: `test-alert-${item.id}-${chatId}`,
      card: card([...actions]),
    });
    await client.botSays(chatId === "leaders" ? LEADERS : chatId === "duty" ? DUTY : QINGSHAN, item.number);
  }
  return item;
}

async function fresh(id: number): Promise<OpinionItem> {
  const item = await store.byId(id);
  if (!item) throw new Error(`item ${id} gone`);
  return item;
}

async function kinds(id: number): Promise<string[]> {
  return (await store.timeline(id)).map((e) => e.kind);
}

function waitingFor(id: number): string[] {
  return scheduler
    .waiting()
    .map((w) => w.key)
    .filter((k) => k.startsWith(`opinion-${id}-`));
}

/** The newest bot message in `chat` with a button labelled `label` (after message `after`). */
async function withButton(chat: string, label: string): Promise<ConsoleMessageDto> {
  const messages = await client.botMessages(chat);
  const found = messages.reverse().find((m) => m.card?.buttons.some((b) => b.label === label));
  if (!found) throw new Error(`no ${label} button in ${chat}`);
  return found;
}

/** Presses `label` on the newest message that has it; returns the chat's last id before the press. */
async function press(chat: string, person: string, label: string): Promise<number> {
  const target = await withButton(chat, label);
  const after = await client.lastId(chat);
  await client.press(chat, person, target.id, label);
  return after;
}

async function say(chat: string, person: string, text: string): Promise<number> {
  const after = await client.lastId(chat);
  await client.say(chat, person, text);
  return after;
}

/** What the bot said in `chat` after message `after`, one text per message. */
async function saidAfter(chat: string, after: number): Promise<string[]> {
  return (await client.botMessages(chat, after)).map((m) => m.text);
}

describe("已阅", () => {
  it("records one read per person, tells the chat, and refuses a unit's reporter", {
    timeout: 60_000,
  }, async () => {
    const item = await fileItem();
    let after = await press(LEADERS, "李书记", "已阅");
    await client.botSays(LEADERS, `${item.number} 李书记已阅`, { after });

    after = await press(LEADERS, "李书记", "已阅");
    await client.botSays(LEADERS, [item.number, "无需重复"], { after });

    after = await say(DUTY, "孙值班", `已阅 ${item.number}`);
    await client.botSays(DUTY, `${item.number} 孙值班已阅`, { after });

    after = await say(QINGSHAN, "张三", `@快报助手 已阅 ${item.number}`);
    await client.botSays(QINGSHAN, "只有县领导、值班员可以对舆情“已阅”", { after });

    const reads = (await store.timeline(item.id)).filter((e) => e.kind === "read");
    expect(reads.map((e) => e.actorId)).toEqual(["li-shuji", "sun-zhiban"]);
  });

  it("leaves 已阅 with an incident's number (or none) to the incidents, and names an unknown 舆情 number", {
    timeout: 60_000,
  }, async () => {
    let after = await say(LEADERS, "李书记", "已阅 2026-0999");
    const incidentAnswer = (await client.botMessages(LEADERS, after)).at(-1)?.text ?? "";
    await client.botSays(LEADERS, "2026-0999", { after });
    expect(incidentAnswer).not.toContain("舆情");

    after = await say(LEADERS, "李书记", "已阅 Y2026-0999");
    await client.botSays(LEADERS, O.unknownNumber("Y2026-0999"), { after });
  });
});

describe("批示", () => {
  it("typed by a leader: recorded and relayed to the unit (its people mentioned) and the duty group", {
    timeout: 60_000,
  }, async () => {
    const item = await fileItem();
    const unitAfter = await client.lastId(QINGSHAN);
    const dutyAfter = await client.lastId(DUTY);
    const after = await say(
      LEADERS,
      "李书记",
      `@快报助手 批示 ${item.number} 请青山镇立即核实，依法依规回应`,
    );
    await client.botSays(LEADERS, [`已将对 ${item.number} 的批示转达`, QINGSHAN, DUTY], { after });
    const relay = `【批示】${item.number} 李书记：请青山镇立即核实，依法依规回应`;
    const unitNotice = await client.botSays(QINGSHAN, relay, { after: unitAfter });
    expect([...unitNotice.mentions].sort()).toEqual(["张三", "钱镇长"].sort());
    await client.botSays(DUTY, relay, { after: dutyAfter });
    const [instructed] = (await store.timeline(item.id)).filter((e) => e.kind === "instructed");
    expect(instructed).toMatchObject({
      actorId: "li-shuji",
      detail: { text: "请青山镇立即核实，依法依规回应" },
    });
  });

  it("by the button: asks for the text in a short dialog, then relays it once", {
    timeout: 60_000,
  }, async () => {
    const item = await fileItem();
    const unitAfter = await client.lastId(QINGSHAN);
    let after = await press(LEADERS, "王县长", "批示");
    await client.botSays(LEADERS, `请写对 ${item.number}`, { after });
    after = await say(LEADERS, "王县长", "请今天内发布权威回应");
    await client.botSays(LEADERS, ["请核对", "舆情批示", QINGSHAN, DUTY, "确认批示"], { after });
    after = await say(LEADERS, "王县长", "确认");
    await client.botSays(LEADERS, `已将对 ${item.number} 的批示转达`, { after });
    await client.botSays(QINGSHAN, `【批示】${item.number} 王县长：请今天内发布权威回应`, {
      after: unitAfter,
    });
    expect((await kinds(item.id)).filter((k) => k === "instructed")).toHaveLength(1);
  });

  it("is refused for a unit's reporter and for the duty office; nothing is recorded", {
    timeout: 60_000,
  }, async () => {
    const item = await fileItem();
    let after = await say(QINGSHAN, "张三", `@快报助手 批示 ${item.number} 我来批示`);
    await client.botSays(QINGSHAN, "只有县领导可以对舆情批示", { after });
    after = await press(DUTY, "孙值班", "批示");
    await client.botSays(DUTY, "只有县领导可以对舆情批示", { after });
    expect((await saidAfter(DUTY, after)).some((t) => t.includes("请写对"))).toBe(false);
    expect(await kinds(item.id)).not.toContain("instructed");
  });
});

describe("办结", () => {
  it("refused for 张三; by 孙值班 closes the item, cancels its clocks and tells everyone; once", {
    timeout: 60_000,
  }, async () => {
    const item = await fileItem();
    expect(waitingFor(item.id).length).toBeGreaterThan(0);

    let after = await say(QINGSHAN, "张三", `@快报助手 办结 ${item.number}`);
    await client.botSays(QINGSHAN, "只有值班员、县领导可以办结舆情", { after });
    expect((await fresh(item.id)).status).toBe("open");
    expect(waitingFor(item.id).length).toBeGreaterThan(0);

    const unitAfter = await client.lastId(QINGSHAN);
    const leadersAfter = await client.lastId(LEADERS);
    after = await say(DUTY, "孙值班", `@快报助手 办结 ${item.number}`);
    const closed = `${item.number} 已办结（孙值班），未回应即办结`;
    await client.botSays(DUTY, closed, { after });
    await client.botSays(LEADERS, closed, { after: leadersAfter });
    const unitNotice = await client.botSays(QINGSHAN, closed, { after: unitAfter });
    expect([...unitNotice.mentions].sort()).toEqual(["张三", "钱镇长"].sort());
    expect(await fresh(item.id)).toMatchObject({ status: "closed", closedBy: "sun-zhiban" });
    expect(waitingFor(item.id)).toEqual([]);

    after = await say(DUTY, "周值班", `@快报助手 办结 ${item.number}`);
    await client.botSays(DUTY, [item.number, "已由孙值班", "无需重复"], { after });
    expect((await kinds(item.id)).filter((k) => k === "closed")).toHaveLength(1);

    after = await press(LEADERS, "李书记", "已阅");
    await client.botSays(LEADERS, `${item.number} 已办结，无需再操作`, { after });
    expect(await kinds(item.id)).not.toContain("read");
  });

  it("after 已回应 closes without the 未回应 note", { timeout: 60_000 }, async () => {
    const item = await fileItem();
    const now = clock.now();
    await store.updateIf(
      item.id,
      { respondedAt: null },
      { respondedAt: now, respondedBy: "zhangsan", responseNote: "已在微博回应" },
      { kind: "responded", at: now, actorId: "zhangsan" },
    );
    const after = await say(LEADERS, "李书记", `@快报助手 办结 ${item.number}`);
    const notice = await client.botSays(LEADERS, `${item.number} 已办结（李书记）`, { after });
    expect(notice.text).not.toContain("未回应");
  });
});

describe("转突发", () => {
  it("opens the 首报 filled from the item; once filed, the item carries the incident", {
    timeout: 60_000,
  }, async () => {
    const item = await fileItem();
    let after = await press(LEADERS, "李书记", "转突发");
    const understood = await client.botSays(LEADERS, "识别出", { after });
    expect(understood.card?.fields).toEqual(
      expect.arrayContaining([
        { label: "事件类型", value: "舆情" },
        { label: "地点", value: "青山镇李家村" },
        expect.objectContaining({ value: expect.stringContaining(CONTENT) }),
      ]),
    );
    await client.botSays(LEADERS, "事发时间", { after });
    expect(await kinds(item.id)).toContain("converted");

    const dutyAfter = await client.lastId(DUTY);
    for (const answer of ["跳过", "无", "4", "跳过", "赵秘书长 13800000003"])
      await say(LEADERS, "李书记", answer);
    after = await say(LEADERS, "李书记", "确认");
    const receipt = await client.botSays(LEADERS, "已上报，编号", { after });
    const incidentNumber = /编号 (\d{4}-\d{4})/.exec(receipt.text)?.[1] ?? "";
    const incident = await test.database.prisma.incident.findFirst({ where: { number: incidentNumber } });
    expect(incident).toMatchObject({ location: "青山镇李家村", type: "舆情" });
    expect(incident?.learnedAt?.toISOString()).toBe(FOUND.toISOString());

    expect((await fresh(item.id)).incidentId).toBe(incident?.id);
    const filed = (await store.timeline(item.id)).filter((e) => e.kind === "incident_filed");
    expect(filed).toHaveLength(1);
    expect(filed[0]?.detail).toEqual({ incidentId: incident?.id, number: incidentNumber });
    await client.botSays(DUTY, `${item.number} 已转为突发事件 ${incidentNumber}`, { after: dutyAfter });

    // Delivered again (a 首报 confirmed again after a crash): nothing changes, nothing is posted twice.
    const dutyBefore = await client.lastId(DUTY);
    await incidentFiledListener.run(test.app.services, {
      incident: {
        id: incident?.id ?? 0,
        number: incidentNumber,
        unitId: "county-office",
        reportedAt: clock.now(),
      },
      origin: { kind: "opinion", id: item.id },
    });
    await test.app.idle();
    expect((await kinds(item.id)).filter((k) => k === "incident_filed")).toHaveLength(1);
    expect(await saidAfter(DUTY, dutyBefore)).toEqual([]);

    after = await say(QINGSHAN, "张三", `@快报助手 转突发 ${item.number}`);
    await client.botSays(QINGSHAN, [`${item.number} 已转为突发事件 ${incidentNumber}`, "无需重复"], {
      after,
    });
  });
});
