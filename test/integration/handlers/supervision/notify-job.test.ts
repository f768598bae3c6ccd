/**
 * The notify job on a real database: the task card goes to the unit's work group mentioning its
 * director and reporter, with the four buttons; the part is marked notified with its timeline step.
 * Run again after a crash between the send and the mark, it sends under the same keys (the send
 * queue posts it once); once marked, a run sends nothing.
 */
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { JobContext } from "../../../../src/bot/core/context.ts";
import { Directory } from "../../../../src/bot/core/directory.ts";
import type { OutboundMessage } from "../../../../src/bot/core/message.ts";
import type { BotServices } from "../../../../src/bot/core/services.ts";
import { tasksPolicySchema } from "../../../../src/config/tasks-policy.ts";
import { notifyJob } from "../../../../src/handlers/supervision/assign/notify-job.ts";
import { rebuildTaskTimers } from "../../../../src/handlers/supervision/clocks/rebuild-timers.ts";
import { TaskStore } from "../../../../src/handlers/supervision/task-store.ts";
import type { Database } from "../../../../src/store/database.ts";
import { sampleConfig } from "../../../support/app.ts";
import { openTestDatabase } from "../../../support/database.ts";

const AT = new Date("2026-12-07T01:00:00Z");
const DUE = new Date("2026-12-08T04:00:00Z");
const office = { timezone: "Asia/Shanghai" } as Parameters<typeof notifyJob>[0];
const directory = new Directory((await sampleConfig()).org);

let db: Database;
let sent: OutboundMessage[];
let services: BotServices;

beforeEach(async () => {
  db = await openTestDatabase();
  sent = [];
  services = {
    directory,
    database: db.prisma,
    messenger: { send: async (message: OutboundMessage) => void sent.push(message) },
    clock: { now: () => AT },
    log: pino({ level: "silent" }),
  } as unknown as BotServices;
});
afterEach(() => db.close());

async function fileTask() {
  const { task } = await new TaskStore(db.prisma).create({
    sourceKey: "dialog-1",
    content: "报送防汛物资储备情况",
    assignerId: "li-shuji",
    chatId: "leaders",
    createdAt: AT,
    dueAt: DUE,
    year: 2026,
    units: [
      { unitId: "qingshan", role: "lead" },
      { unitId: "baishui", role: "assist" },
    ],
  });
  return task;
}

const run = (partId: number) =>
  notifyJob(office).run(new JobContext(services, `task-part-${partId}-notify`), { partId });

describe("the notify job", () => {
  it("sends the task card to the unit's group with mentions and buttons, and marks the part", async () => {
    const task = await fileTask();
    const [lead, assist] = task.parts;
    if (!lead || !assist) throw new Error("two parts expected");
    await run(assist.id);
    expect(sent).toHaveLength(1);
    const [message] = sent;
    expect(message?.chatId).toBe("baishui-work");
    expect(message?.mentions).toEqual(["he-xiangzhang", "lisi"]);
    expect(message?.card?.title).toBe("【督办】D2026-0001");
    expect(message?.card?.fields).toEqual([
      { label: "交办内容", value: "报送防汛物资储备情况" },
      { label: "交办人", value: "李书记（县委书记）" },
      { label: "期限", value: "2026-12-08 12:00" },
      { label: "本单位", value: "白水乡（配合）" },
      { label: "牵头单位", value: "青山镇" },
    ]);
    expect(message?.card?.buttons).toEqual([
      { label: "签收", action: `task:sign:${assist.id}` },
      { label: "反馈", action: `task:progress:${assist.id}` },
      { label: "申请延期", action: `task:extend:${assist.id}` },
      { label: "申请办结", action: `task:close:${assist.id}` },
    ]);
    const part = await db.prisma.supervisionPart.findUniqueOrThrow({ where: { id: assist.id } });
    expect(part.notifiedAt).toEqual(AT);
    const untouched = await db.prisma.supervisionPart.findUniqueOrThrow({ where: { id: lead.id } });
    expect(untouched.notifiedAt).toBeNull();
    const events = await new TaskStore(db.prisma).timeline(task.id);
    expect(events.map((e) => [e.kind, e.unitId])).toEqual([
      ["assigned", null],
      ["notified", "baishui"],
    ]);
  });

  it("sends under the same keys when run again before the mark, and nothing once marked", async () => {
    const task = await fileTask();
    const lead = task.parts[0];
    if (!lead) throw new Error("a part expected");
    await run(lead.id);
    // A crash after the send, before the mark: the mark is not there.
    await db.prisma.supervisionPart.update({ where: { id: lead.id }, data: { notifiedAt: null } });
    await run(lead.id);
    expect(sent).toHaveLength(2);
    expect(sent[1]?.idempotencyKey).toBe(sent[0]?.idempotencyKey);
    await run(lead.id);
    expect(sent).toHaveLength(2);
  });

  it("leaves a closed part, a closed task and a part that is gone", async () => {
    const task = await fileTask();
    const [lead, assist] = task.parts;
    if (!lead || !assist) throw new Error("two parts expected");
    await db.prisma.supervisionPart.update({ where: { id: lead.id }, data: { closedAt: AT } });
    await run(lead.id);
    await db.prisma.supervisionTask.update({ where: { id: task.id }, data: { status: "closed" } });
    await run(assist.id);
    await run(999_999);
    expect(sent).toHaveLength(0);
  });
});

describe("the notify rebuild", () => {
  it("hands the card again to the job for open parts not yet notified, under the notify key", async () => {
    const task = await fileTask();
    const [lead, assist] = task.parts;
    if (!lead || !assist) throw new Error("two parts expected");
    await run(lead.id);
    const scheduled: { key: string; at: Date; name: string; data: unknown }[] = [];
    services.scheduler = {
      schedule: async (key, at, job) => void scheduled.push({ key, at, name: job.name, data: job.data }),
      cancel: async () => {},
    };
    await rebuildTaskTimers(services, tasksPolicySchema.parse({}));
    expect(scheduled.filter((s) => s.name === "supervision.notify")).toEqual([
      {
        key: `task-part-${assist.id}-notify`,
        at: AT,
        name: "supervision.notify",
        data: { partId: assist.id },
      },
    ]);
  });
});
