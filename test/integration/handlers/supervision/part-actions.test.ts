/**
 * The units' steps on a 督办 task and the assigner's answers, through the real app: tasks filed with
 * the TaskStore (their clocks armed and a card with the task card's buttons posted to each unit's
 * group, as the 交办 does), then people press buttons and type in the console. Checks what the
 * database holds, which clocks are on the queue, and what each chat is told.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConsoleMessageDto } from "../../../../src/bot/adapters/console/console-message.ts";
import { localDayString } from "../../../../src/bot/core/wall-clock.ts";
import { armPartTimers, partTimerKeys } from "../../../../src/handlers/supervision/clocks/part-timers.ts";
import { supervisionMessages as S } from "../../../../src/handlers/supervision/messages.ts";
import { partActionValue } from "../../../../src/handlers/supervision/task-actions.ts";
import { TaskStore } from "../../../../src/handlers/supervision/task-store.ts";
import type { TaskWithParts } from "../../../../src/handlers/supervision/task-types.ts";
import { sampleConfig, startTestApp, type TestApp } from "../../../support/app.ts";
import { ConsoleClient } from "../../../support/console-client.ts";
import { QueueState } from "../incident/queue-state.ts";

const QINGSHAN = "青山镇工作群";
const BAISHUI = "白水乡工作群";
const LEADER_DM = "私聊 李书记";
const DAY = 86_400_000;
const TZ = "Asia/Shanghai";

let test: TestApp;
let client: ConsoleClient;
let store: TaskStore;
let queue: QueueState;
let sequence = 0;

beforeAll(async () => {
  test = await startTestApp();
  client = new ConsoleClient(test.baseUrl);
  store = new TaskStore(test.database.prisma);
  queue = new QueueState(test.prefix);
}, 60_000);

afterAll(async () => {
  await queue?.close();
  await test?.close();
});

/** Files a task for 青山镇 (牵头) and 白水乡 (配合), due in three days, as a confirmed 交办 would. */
async function fileTask(): Promise<TaskWithParts> {
  sequence += 1;
  const now = new Date();
  const { tasks } = (await sampleConfig()).policy;
  const { task } = await store.create({
    sourceKey: `part-actions-${sequence}`,
    content: "报送防汛物资储备情况",
    assignerId: "li-shuji",
    chatId: "leaders",
    createdAt: now,
    dueAt: new Date(now.getTime() + 3 * DAY),
    year: Number(localDayString(now, TZ).slice(0, 4)),
    units: [
      { unitId: "qingshan", role: "lead" },
      { unitId: "baishui", role: "assist" },
    ],
  });
  for (const part of task.parts) {
    await armPartTimers(test.app.services.scheduler, tasks, task, part, now);
    const chatId = part.unitId === "qingshan" ? "qingshan-work" : "baishui-work";
    await test.app.messenger.send({
      chatId,
      idempotencyKey: `test-card-${part.id}`,
      card: {
        title: S.heading(task.number),
        fields: [{ label: "事项", value: task.content }],
        buttons: (["sign", "progress", "extend", "close"] as const).map((action) => ({
          label: S.buttons[action],
          action: partActionValue(action, part.id),
        })),
      },
    });
    await store.updatePartIf(
      part.id,
      { notifiedAt: null },
      { notifiedAt: now },
      {
        kind: "notified",
        at: now,
        actorId: null,
      },
    );
  }
  await client.botSays(QINGSHAN, task.number);
  await client.botSays(BAISHUI, task.number);
  return task;
}

function partOf(task: TaskWithParts, unitId: string) {
  const part = task.parts.find((p) => p.unitId === unitId);
  if (!part) throw new Error(`no part for ${unitId}`);
  return part;
}

async function fresh(partId: number) {
  const found = await store.part(partId);
  if (!found) throw new Error(`part ${partId} gone`);
  return found.part;
}

async function kinds(taskId: number): Promise<string[]> {
  return (await store.timeline(taskId)).map((e) => e.kind);
}

/** The newest bot message in `chat` with a button labelled `label`. */
async function withButton(chat: string, label: string): Promise<ConsoleMessageDto> {
  const messages = await client.botMessages(chat);
  const found = messages.reverse().find((m) => m.card?.buttons.some((b) => b.label === label));
  if (!found) throw new Error(`no ${label} button in ${chat}`);
  return found;
}

async function press(chat: string, person: string, label: string, after?: number) {
  const target = await withButton(chat, label);
  const last = after ?? (await client.lastId(chat));
  await client.press(chat, person, target.id, label);
  return last;
}

/** A 申请延期 typed in 青山镇's group to a deadline `days` after the part's. */
function extensionText(number: string, dueAt: Date, days: number, reason: string) {
  return `@快报助手 申请延期 ${number} ${localDayString(new Date(dueAt.getTime() + days * DAY), TZ)} ${reason}`;
}

describe("签收", () => {
  it("signs once by button, refuses another unit's person, and takes 收到 under the card", {
    timeout: 60_000,
  }, async () => {
    const task = await fileTask();
    const qingshan = partOf(task, "qingshan");
    const baishui = partOf(task, "baishui");
    expect(await queue.job(partTimerKeys.sign(qingshan.id))).toBe("delayed");

    let after = await press(QINGSHAN, "孙值班", S.buttons.sign);
    await client.botSays(QINGSHAN, "只有青山镇的同志", { after });
    expect((await fresh(qingshan.id)).signedAt).toBeNull();

    after = await press(QINGSHAN, "张三", S.buttons.sign);
    await client.botSays(QINGSHAN, [task.number, "青山镇已签收（张三）"], { after });
    expect(await fresh(qingshan.id)).toMatchObject({ signedBy: "zhangsan" });
    expect(await queue.job(partTimerKeys.sign(qingshan.id))).toBe("unknown");

    after = await press(QINGSHAN, "钱镇长", S.buttons.sign);
    await client.botSays(QINGSHAN, "无需重复签收", { after });
    expect(await fresh(qingshan.id)).toMatchObject({ signedBy: "zhangsan" });

    after = await client.lastId(BAISHUI);
    await client.say(BAISHUI, "李四", "收到");
    await client.botSays(BAISHUI, "白水乡已签收（李四）", { after });
    expect(await fresh(baishui.id)).toMatchObject({ signedBy: "lisi" });
    expect((await kinds(task.id)).filter((k) => k === "signed")).toHaveLength(2);

    after = await client.lastId(BAISHUI);
    await client.say(BAISHUI, "李四", "收到");
    expect((await client.botMessages(BAISHUI, after)).map((m) => m.text)).toEqual([]);
  });

  it("leaves 收到 to a 批示 waiting for the person's receipt, then takes it for the task card", {
    timeout: 60_000,
  }, async () => {
    const { prisma } = test.database;
    const now = new Date();
    const incident = await prisma.incident.create({
      data: {
        number: "2026-0901",
        sourceKey: "part-actions-incident",
        unitId: "qingshan",
        reporterId: "zhangsan",
        chatId: "qingshan-work",
        type: "事故灾难",
        gradeId: "III",
        reportedAt: now,
        lastReportAt: now,
      },
    });
    await prisma.instruction.create({
      data: {
        incidentId: incident.id,
        sourceKey: "part-actions-instruction",
        leaderId: "li-shuji",
        text: "请立即核实",
        createdAt: now,
        relayedAt: now,
        receipts: { create: [{ personId: "zhangsan" }] },
      },
    });
    const task = await fileTask();
    const qingshan = partOf(task, "qingshan");

    let after = await client.lastId(QINGSHAN);
    await client.say(QINGSHAN, "张三", "收到");
    await client.botSays(QINGSHAN, "2026-0901", { after });
    expect((await client.botMessages(QINGSHAN, after)).some((m) => m.text.includes("已签收"))).toBe(false);
    expect((await fresh(qingshan.id)).signedAt).toBeNull();

    after = await client.lastId(QINGSHAN);
    await client.say(QINGSHAN, "张三", "收到");
    await client.botSays(QINGSHAN, `${task.number} 青山镇已签收（张三）`, { after });
  });

  it("signs a bare 签收 when one task waits and asks which when several do", {
    timeout: 60_000,
  }, async () => {
    const first = await fileTask();
    const second = await fileTask();
    let after = await client.lastId(QINGSHAN);
    await client.say(QINGSHAN, "钱镇长", "签收");
    await client.botSays(QINGSHAN, [first.number, second.number, "请逐项回复"], { after });

    after = await client.lastId(QINGSHAN);
    await client.say(QINGSHAN, "钱镇长", `@快报助手 签收 ${first.number.toLowerCase()}`);
    await client.botSays(QINGSHAN, `${first.number} 青山镇已签收（钱镇长）`, { after });

    after = await client.lastId(QINGSHAN);
    await client.say(QINGSHAN, "钱镇长", "签收");
    await client.botSays(QINGSHAN, `${second.number} 青山镇已签收（钱镇长）`, { after });
  });

  it("says a button is stale when its part is no more", { timeout: 30_000 }, async () => {
    await test.app.messenger.send({
      chatId: "qingshan-work",
      idempotencyKey: "test-stale-card",
      card: {
        title: "旧卡片",
        fields: [],
        buttons: [{ label: "签收", action: partActionValue("sign", 99_999) }],
      },
    });
    await client.botSays(QINGSHAN, "旧卡片");
    const after = await press(QINGSHAN, "张三", "签收");
    await client.botSays(QINGSHAN, S.staleButton, { after });
  });
});

describe("反馈", () => {
  it("asks for the progress after the button and keeps it", { timeout: 60_000 }, async () => {
    const task = await fileTask();
    const qingshan = partOf(task, "qingshan");
    let after = await press(QINGSHAN, "张三", S.buttons.progress);
    await client.botSays(QINGSHAN, `请写 ${task.number} 的办理进展`, { after });
    after = await client.lastId(QINGSHAN);
    await client.say(QINGSHAN, "张三", "已完成摸底，正在汇总");
    await client.botSays(QINGSHAN, "确认反馈", { after });
    after = await press(QINGSHAN, "张三", "确认反馈");
    await client.botSays(QINGSHAN, `已记录 ${task.number} 青山镇的进展反馈`, { after });
    expect(await fresh(qingshan.id)).toMatchObject({ lastProgress: "已完成摸底，正在汇总" });

    after = await client.lastId(BAISHUI);
    await client.say(BAISHUI, "李四", `@快报助手 反馈 ${task.number} 已通知各村`);
    await client.botSays(BAISHUI, `已记录 ${task.number} 白水乡的进展反馈`, { after });
    expect((await kinds(task.id)).filter((k) => k === "progress")).toHaveLength(2);
  });
});

describe("申请延期", () => {
  it("goes to the assigner; refused, nothing moves; granted, the deadline and its clocks move", {
    timeout: 60_000,
  }, async () => {
    const task = await fileTask();
    const part = partOf(task, "qingshan");
    const oldDue = part.dueAt;

    let after = await client.lastId(QINGSHAN);
    let dm = await client.lastId(LEADER_DM);
    await client.say(QINGSHAN, "张三", extensionText(task.number, oldDue, 2, "物资清点尚未完成"));
    await client.botSays(QINGSHAN, [`已将 ${task.number} 延期至`, "报交办人李书记审批"], { after });
    await client.botSays(
      LEADER_DM,
      [`【延期申请】${task.number}`, "物资清点尚未完成", "同意延期", "不同意"],
      {
        after: dm,
      },
    );
    expect((await fresh(part.id)).extensionBy).toBe("zhangsan");

    after = await client.lastId(QINGSHAN);
    await client.say(QINGSHAN, "张三", extensionText(task.number, oldDue, 3, "再等等"));
    await client.botSays(QINGSHAN, "正在等待审批，请勿重复申请", { after });

    dm = await client.lastId("私聊 王五");
    await client.say("私聊 王五", "王五", `同意延期 ${task.number}`);
    await client.botSays("私聊 王五", "只有交办人（李书记）", { after: dm });
    expect((await fresh(part.id)).dueAt).toEqual(oldDue);

    after = await client.lastId(QINGSHAN);
    dm = await press(LEADER_DM, "李书记", S.buttons.refuse);
    await client.botSays(LEADER_DM, "已不同意", { after: dm });
    const refused = await client.botSays(QINGSHAN, `${task.number} 青山镇的延期申请未获同意（李书记）`, {
      after,
    });
    expect(refused.mentions).toEqual(expect.arrayContaining(["张三", "钱镇长"]));
    expect(await fresh(part.id)).toMatchObject({ dueAt: oldDue, extensionDueAt: null, extensions: 0 });

    await client.say(QINGSHAN, "张三", extensionText(task.number, oldDue, 2, "物资清点尚未完成"));
    const asked = (await fresh(part.id)).extensionDueAt;
    expect(asked?.getTime()).toBeGreaterThan(oldDue.getTime());
    after = await client.lastId(QINGSHAN);
    dm = await client.lastId("私聊 孙值班");
    await client.say("私聊 孙值班", "孙值班", `同意延期 ${task.number}`);
    await client.botSays("私聊 孙值班", "已同意", { after: dm });
    await client.botSays(QINGSHAN, [`${task.number} 青山镇的延期申请已同意（孙值班）`, "新期限"], { after });
    expect(await fresh(part.id)).toMatchObject({ dueAt: asked, extensionDueAt: null, extensions: 1 });
    expect(await queue.job(partTimerKeys.remind(part.id, oldDue))).toBe("unknown");
    expect(await queue.job(partTimerKeys.overdue(part.id, oldDue, 1))).toBe("unknown");
    expect(await queue.job(partTimerKeys.remind(part.id, asked as Date))).toBe("delayed");
    expect(await queue.job(partTimerKeys.overdue(part.id, asked as Date, 1))).toBe("delayed");

    dm = await press(LEADER_DM, "李书记", S.buttons.grant);
    await client.botSays(LEADER_DM, "没有待审批的延期申请", { after: dm });
    expect((await fresh(part.id)).extensions).toBe(1);
    expect(await kinds(task.id)).toEqual(
      expect.arrayContaining(["extension_requested", "extension_refused", "extension_granted"]),
    );
  });

  it("refuses a deadline not later than the current one", { timeout: 30_000 }, async () => {
    const task = await fileTask();
    const part = partOf(task, "qingshan");
    const after = await client.lastId(QINGSHAN);
    await client.say(QINGSHAN, "张三", extensionText(task.number, part.dueAt, -1, "理由"));
    await client.botSays(QINGSHAN, "新期限应晚于现在的期限", { after });
    expect((await fresh(part.id)).extensionDueAt).toBeNull();
  });
});

describe("办结", () => {
  it("is returned with a reason, then confirmed; the task closes when every unit's part has", {
    timeout: 90_000,
  }, async () => {
    const task = await fileTask();
    const qingshan = partOf(task, "qingshan");
    const baishui = partOf(task, "baishui");

    let after = await press(QINGSHAN, "张三", S.buttons.close);
    await client.botSays(QINGSHAN, `请写 ${task.number} 的办理结果`, { after });
    await client.say(QINGSHAN, "张三", "已报送储备清单");
    let dm = await client.lastId(LEADER_DM);
    after = await press(QINGSHAN, "张三", "提交办结申请");
    await client.botSays(QINGSHAN, "报交办人李书记确认", { after });
    await client.botSays(LEADER_DM, [`【办结申请】${task.number}`, "已报送储备清单", "确认办结", "退回"], {
      after: dm,
    });

    dm = await press(LEADER_DM, "李书记", S.buttons.return);
    await client.botSays(LEADER_DM, "请写退回", { after: dm });
    await client.say(LEADER_DM, "李书记", "缺少各村明细");
    after = await client.lastId(QINGSHAN);
    await press(LEADER_DM, "李书记", "确认退回");
    const returned = await client.botSays(
      QINGSHAN,
      ["办结申请被退回（李书记）", "缺少各村明细", "请继续办理"],
      {
        after,
      },
    );
    expect(returned.mentions).toEqual(["张三"]);
    expect(await fresh(qingshan.id)).toMatchObject({ closeRequestedAt: null, closedAt: null });

    await client.say(QINGSHAN, "张三", `@快报助手 申请办结 ${task.number} 已补充各村明细`);
    await client.say(BAISHUI, "李四", `@快报助手 申请办结 ${task.number} 已配合报送`);
    dm = await client.lastId("私聊 王五");
    await client.say("私聊 王五", "王五", `确认办结 ${task.number}`);
    await client.botSays("私聊 王五", "只有交办人", { after: dm });

    dm = await client.lastId(LEADER_DM);
    await client.say(LEADER_DM, "李书记", `确认办结 ${task.number}`);
    await client.botSays(LEADER_DM, ["有 2 个单位在等待审批", "青山镇", "白水乡"], { after: dm });
    after = await client.lastId(QINGSHAN);
    await client.say(LEADER_DM, "李书记", `确认办结 ${task.number} 青山镇`);
    await client.botSays(QINGSHAN, `${task.number} 青山镇的任务已确认办结（李书记）`, { after });
    expect((await fresh(qingshan.id)).closedBy).toBe("li-shuji");
    expect(await queue.job(partTimerKeys.remind(qingshan.id, qingshan.dueAt))).toBe("unknown");
    expect((await store.byId(task.id))?.status).toBe("open");

    dm = await client.lastId(LEADER_DM);
    await press(LEADER_DM, "李书记", S.buttons.confirm);
    await client.botSays(LEADER_DM, "各承办单位均已办结", { after: dm });
    expect((await fresh(baishui.id)).closedBy).toBe("li-shuji");
    expect((await store.byId(task.id))?.status).toBe("closed");
    expect((await kinds(task.id)).slice(-3)).toEqual(["part_closed", "part_closed", "closed"]);

    after = await press(QINGSHAN, "张三", S.buttons.progress);
    await client.botSays(QINGSHAN, "已办结，无需再操作", { after });
  });
});
