/**
 * Filing a confirmed 舆情 登记 and its alert job on a real database: the item numbered once per
 * submission with its dues from the found time, the alert and the clocks handed to the Scheduler,
 * the registrant's receipt; then the alert card to the duty office and the leaders (已阅, 批示,
 * 转突发) and to the responsible unit (签收, 核实, 口径, 已回应, 转突发), 加急 only for an urgent
 * level; the item marked alerted with its timeline step; a run again sends nothing new (or, after
 * a crash before the mark, the same keys); a closed or missing item gets nothing.
 */
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConversationContext, JobContext } from "../../../../../src/bot/core/context.ts";
import { Directory } from "../../../../../src/bot/core/directory.ts";
import type { OutboundMessage } from "../../../../../src/bot/core/message.ts";
import type { BotServices } from "../../../../../src/bot/core/services.ts";
import { DEFAULT_OPINION_ESCALATION } from "../../../../../src/config/opinion-policy.ts";
import { officeOf } from "../../../../../src/handlers/office/office.ts";
import { itemTimerKeys, OPINION_JOBS } from "../../../../../src/handlers/opinion/item-timers.ts";
import type { OpinionSetting } from "../../../../../src/handlers/opinion/opinion-parts.ts";
import { OpinionStore } from "../../../../../src/handlers/opinion/opinion-store.ts";
import { alertJob } from "../../../../../src/handlers/opinion/register/alert-job.ts";
import { fileItem } from "../../../../../src/handlers/opinion/register/file-item.ts";
import { rebuildAlerts } from "../../../../../src/handlers/opinion/register/rebuild-alerts.ts";
import type { RegisterData } from "../../../../../src/handlers/opinion/register/register-data.ts";
import type { Database } from "../../../../../src/store/database.ts";
import { sampleConfig } from "../../../../support/app.ts";
import { openTestDatabase } from "../../../../support/database.ts";

const NOW = new Date("2026-12-07T01:00:00Z"); // 09:00 in Shanghai
const FOUND = new Date("2026-12-07T00:30:00Z"); // 08:30
const config = await sampleConfig();
const directory = new Directory(config.org);
const setting: OpinionSetting = {
  rules: config.policy.opinion,
  office: officeOf(config, directory),
  escalation: config.policy.opinion.escalation ?? config.policy.escalation ?? DEFAULT_OPINION_ESCALATION,
  incident: undefined,
};

let db: Database;
let sent: OutboundMessage[];
let scheduled: { key: string; at: Date; name: string; data: unknown }[];
let services: BotServices;
let events = 0;

beforeEach(async () => {
  db = await openTestDatabase();
  sent = [];
  scheduled = [];
  services = {
    directory,
    database: db.prisma,
    messenger: { send: async (message: OutboundMessage) => void sent.push(message) },
    clock: { now: () => NOW },
    scheduler: {
      schedule: async (key: string, at: Date, job: { name: string; data: unknown }) =>
        void scheduled.push({ key, at, name: job.name, data: job.data }),
      cancel: async () => {},
    },
    log: pino({ level: "silent" }),
  } as unknown as BotServices;
});
afterEach(() => db.close());

function data(levelId: string, unitId = "qingshan"): RegisterData {
  return {
    source: "微博",
    link: { url: "https://weibo.com/1234567890/AbCdEf" },
    content: "微博网友发帖称青山镇李家村垃圾长期无人清运",
    unitId,
    foundAt: FOUND.toISOString(),
    reach: { reads: 23_000, reposts: 150, comments: 320 },
    levelId,
  };
}

/** The context of 孙值班 confirming in 总值班室. */
function confirmContext(): ConversationContext {
  events += 1;
  const person = directory.person("sun-zhiban");
  const chat = directory.chat("duty");
  if (!person || !chat) throw new Error("sample org changed");
  const event = {
    platform: "console",
    eventId: `confirm-${events}`,
    chatId: chat.id,
    senderId: person.id,
    text: "确认登记",
    mentions: [],
    receivedAt: NOW,
  };
  const dialogs = { start: async () => {}, answerStep: async () => false, fill: async () => {} };
  return new ConversationContext(services, event, person, chat, event.text, dialogs, {
    emit: async () => {},
  });
}

async function file(levelId: string, submission = "s1", unitId = "qingshan") {
  await fileItem(confirmContext(), setting, data(levelId, unitId), { id: submission });
  return new OpinionStore(db.prisma).bySourceKey(`dialog-${submission}`);
}

const runAlert = (itemId: number) =>
  alertJob(setting).run(new JobContext(services, itemTimerKeys.alert(itemId)), { itemId });

describe("filing a confirmed 登记", () => {
  it("puts the item on file with its dues, hands on the alert and the clocks, and tells the registrant", async () => {
    const item = await file("general");
    if (!item) throw new Error("not filed");
    expect(item).toMatchObject({
      number: "Y2026-0001",
      source: "微博",
      link: "https://weibo.com/1234567890/AbCdEf",
      unitId: "qingshan",
      reads: 23_000,
      reposts: 150,
      comments: 320,
      levelId: "general",
      registeredBy: "sun-zhiban",
      chatId: "duty",
      foundAt: FOUND,
      registeredAt: NOW,
      verifyDueAt: new Date("2026-12-07T04:30:00Z"), // 12:30
      respondDueAt: new Date("2026-12-09T00:30:00Z"), // 12-09 08:30
      alertedAt: null,
    });
    expect(scheduled.map((s) => [s.key, s.name])).toEqual([
      [itemTimerKeys.alert(item.id), OPINION_JOBS.alert],
      [itemTimerKeys.remind(item.id, "verify"), OPINION_JOBS.remind],
      [itemTimerKeys.overdue(item.id, "verify", 1), OPINION_JOBS.overdue],
      [itemTimerKeys.remind(item.id, "respond"), OPINION_JOBS.remind],
      [itemTimerKeys.overdue(item.id, "respond", 1), OPINION_JOBS.overdue],
    ]);
    expect(scheduled[0]).toMatchObject({ at: NOW, data: { itemId: item.id } });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.chatId).toBe("duty");
    expect(sent[0]?.mentions).toEqual(["sun-zhiban"]);
    expect(sent[0]?.text).toContain("已登记 Y2026-0001");
    expect(sent[0]?.text).toContain("12月7日 12:30 前核实");
    expect(sent[0]?.text).toContain("12月9日 08:30 前回应");
    const timeline = await new OpinionStore(db.prisma).timeline(item.id);
    expect(timeline.map((e) => e.kind)).toEqual(["registered"]);
  });

  it("files once when confirmed twice, and numbers the next submission on", async () => {
    const first = await file("general");
    const count = scheduled.length;
    const again = await file("general");
    expect(again?.id).toBe(first?.id);
    expect(await db.prisma.opinionItem.count()).toBe(1);
    // Only the alert is handed on again (its job sends once); the clocks are not armed twice.
    expect(scheduled.slice(count).map((s) => s.name)).toEqual([OPINION_JOBS.alert]);
    expect(sent[1]?.text).toContain("Y2026-0001 已经登记");
    const other = await file("large", "s2");
    expect(other?.number).toBe("Y2026-0002");
  });
});

describe("the alert job", () => {
  it("brings a 一般 item to the duty office, the leaders and the unit with their buttons, without 加急", async () => {
    const item = await file("general");
    if (!item) throw new Error("not filed");
    sent = [];
    await runAlert(item.id);
    expect(sent.map((m) => m.chatId)).toEqual(["duty", "leaders", "qingshan-work"]);
    for (const message of sent) {
      expect(message.card?.title).toBe("【舆情】Y2026-0001（一般）");
      expect(message.urgentTo).toEqual([]);
    }
    const [duty, leaders, unit] = sent;
    const buttons = (m: OutboundMessage | undefined) => m?.card?.buttons;
    const oversight = [
      { label: "已阅", action: `opinion:read:${item.id}` },
      { label: "批示", action: `opinion:instruct:${item.id}` },
      { label: "转突发", action: `opinion:convert:${item.id}` },
    ];
    expect(buttons(duty)).toEqual(oversight);
    expect(buttons(leaders)).toEqual(oversight);
    expect(buttons(unit)).toEqual([
      { label: "签收", action: `opinion:sign:${item.id}` },
      { label: "核实", action: `opinion:verify:${item.id}` },
      { label: "口径", action: `opinion:draft:${item.id}` },
      { label: "已回应", action: `opinion:respond:${item.id}` },
      { label: "转突发", action: `opinion:convert:${item.id}` },
    ]);
    expect(unit?.mentions).toEqual(["qian-zhenzhang", "zhangsan"]);
    expect(leaders?.mentions).toEqual([]);
    expect(unit?.card?.fields).toEqual([
      { label: "来源", value: "微博" },
      { label: "链接", value: "https://weibo.com/1234567890/AbCdEf" },
      { label: "内容", value: "微博网友发帖称青山镇李家村垃圾长期无人清运" },
      { label: "责任单位", value: "青山镇" },
      { label: "发现时间", value: "12月7日 08:30" },
      { label: "传播", value: "阅读2.3万、转发150、评论320" },
      { label: "核实时限", value: "12月7日 12:30" },
      { label: "回应时限", value: "12月9日 08:30" },
      { label: "登记人", value: "孙值班（值班员）" },
    ]);
    const after = await new OpinionStore(db.prisma).byId(item.id);
    expect(after?.alertedAt).toEqual(NOW);
    const timeline = await new OpinionStore(db.prisma).timeline(item.id);
    expect(timeline.map((e) => e.kind)).toEqual(["registered", "alerted"]);
    expect(timeline[1]?.detail).toMatchObject({ chats: ["duty", "leaders", "qingshan-work"], urgent: false });
  });

  it("makes a 重大 item 加急 to today's duty people, the first leaders and the unit's people", async () => {
    const item = await file("major", "s1", "baishui");
    if (!item) throw new Error("not filed");
    sent = [];
    await runAlert(item.id);
    const [duty, leaders, unit] = sent;
    expect(duty?.chatId).toBe("duty");
    expect(duty?.urgentTo).toEqual(duty?.mentions);
    expect(duty?.urgentTo?.length).toBeGreaterThan(0);
    for (const person of duty?.urgentTo ?? []) expect(directory.person(person)?.roles).toContain("duty");
    expect(leaders?.chatId).toBe("leaders");
    expect(new Set(leaders?.urgentTo)).toEqual(new Set(["li-shuji", "wang-xianzhang", "zhao-mishuzhang"]));
    expect(unit?.chatId).toBe("baishui-work");
    expect(unit?.urgentTo).toEqual(["he-xiangzhang", "lisi"]);
    expect(unit?.card?.title).toBe("【舆情】Y2026-0001（重大）");
    expect(unit?.card?.tone).toBe("red");
  });

  it("sends nothing new when run again, and the same keys after a crash before the mark", async () => {
    const item = await file("general");
    if (!item) throw new Error("not filed");
    sent = [];
    await runAlert(item.id);
    const keys = sent.map((m) => m.idempotencyKey);
    await runAlert(item.id);
    expect(sent).toHaveLength(3);
    await db.prisma.opinionItem.update({ where: { id: item.id }, data: { alertedAt: null } });
    await runAlert(item.id);
    expect(sent.slice(3).map((m) => m.idempotencyKey)).toEqual(keys);
  });

  it("leaves a closed item and one that is gone", async () => {
    const item = await file("general");
    if (!item) throw new Error("not filed");
    await db.prisma.opinionItem.update({ where: { id: item.id }, data: { status: "closed", closedAt: NOW } });
    sent = [];
    await runAlert(item.id);
    await runAlert(999_999);
    expect(sent).toEqual([]);
    expect((await new OpinionStore(db.prisma).byId(item.id))?.alertedAt).toBeNull();
  });
});

describe("the alert rebuild", () => {
  it("hands the alert again to the job for open items not yet alerted, under its key", async () => {
    const alerted = await file("general", "s1");
    const waiting = await file("general", "s2");
    const closed = await file("general", "s3");
    if (!alerted || !waiting || !closed) throw new Error("not filed");
    await runAlert(alerted.id);
    await db.prisma.opinionItem.update({
      where: { id: closed.id },
      data: { status: "closed", closedAt: NOW },
    });
    scheduled = [];
    await rebuildAlerts(services);
    expect(scheduled).toEqual([
      {
        key: itemTimerKeys.alert(waiting.id),
        at: NOW,
        name: OPINION_JOBS.alert,
        data: { itemId: waiting.id },
      },
    ]);
  });
});
