/**
 * The 督办 clocks on the real app with virtual time: a task filed for 青山镇 (牵头) and 白水乡 (配合)
 * at 09:00 due 18:00. The unsigned unit's director is reminded at 11:00; 【催办】 at 16:00 to the
 * unit still open; from 18:00 the 【督办】 notice (加急) to its director, its group, the duty group and
 * the assigner, every day until it is closed, then nothing. An extension's new deadline gets its
 * own 催办 and 督办 while the old deadline's jobs find nothing to do; the progress cadence asks
 * for 反馈 a day after the last 反馈, 签收 or ask; while 办结 waits for confirmation the clocks keep
 * quiet, and after 退回 they speak again.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { armPartTimers } from "../../../../src/handlers/supervision/clocks/part-timers.ts";
import type { SupervisionPart } from "../../../../src/handlers/supervision/task-types.ts";
import { openTestDatabase } from "../../../support/database.ts";
import { ClockWorld, local, tasksConfig } from "./clock-world.ts";

const CONTENT = "报送防汛物资储备情况";
const TWO_UNITS = [
  { unitId: "qingshan", role: "lead" as const },
  { unitId: "baishui", role: "assist" as const },
];
let world: ClockWorld | undefined;

// The first database of the file (a PGlite loaded from its dump) costs the most: not in a test's time.
beforeAll(async () => {
  await (await openTestDatabase()).close();
}, 120_000);

afterEach(async () => {
  await world?.close();
  world = undefined;
});

/** A world starting Monday 2026-12-07 09:00 under the sample policy with these `tasks:` keys. */
async function open(tasks: Record<string, unknown> = {}): Promise<ClockWorld> {
  world = await ClockWorld.open(await tasksConfig(tasks), local("2026-12-07 09:00"));
  return world;
}

function parts(task: { parts: SupervisionPart[] }): [SupervisionPart, SupervisionPart] {
  const [a, b] = task.parts;
  if (!a || !b) throw new Error("two parts expected");
  return [a, b];
}

async function sign(w: ClockWorld, part: SupervisionPart, by: string) {
  const at = w.clock.now();
  await w.store.updatePartIf(
    part.id,
    { signedAt: null },
    { signedAt: at, signedBy: by },
    { kind: "signed", at, actorId: by },
  );
}

async function close(w: ClockWorld, part: SupervisionPart) {
  const at = w.clock.now();
  await w.store.updatePartIf(
    part.id,
    { closedAt: null },
    { closedAt: at, closedBy: "li-shuji" },
    { kind: "part_closed", at, actorId: "li-shuji" },
  );
  await w.store.closeTaskIfDone(part.taskId, at, "li-shuji");
}

describe("the 督办 clocks", () => {
  it("remind the unsigned unit, 催办 the open one, and 督办 it daily (加急) until it is closed", async () => {
    const w = await open();
    const task = await w.file({
      sourceKey: "a",
      content: CONTENT,
      dueAt: local("2026-12-07 18:00"),
      units: TWO_UNITS,
    });
    const [qingshan, baishui] = parts(task);
    expect(task.number).toBe("D2026-0001");

    await w.advance(local("2026-12-07 10:00"));
    await sign(w, qingshan, "qian-zhenzhang");
    await w.advance(local("2026-12-07 11:00"));
    const reminders = (await w.said("baishui-work")).filter((m) => m.text.includes("尚未签收"));
    expect(reminders.map((m) => [m.text, m.mentions])).toEqual([
      [
        "【督办】D2026-0001 报送防汛物资储备情况，交办已 2 小时，白水乡尚未签收，请及时签收（点任务卡上的「签收」或回复「签收 D2026-0001」）。",
        ["何乡长"],
      ],
    ]);
    expect(await w.texts("qingshan-work", "尚未签收")).toEqual([]);

    await w.advance(local("2026-12-07 15:00"));
    await close(w, qingshan);
    await w.advance(local("2026-12-07 16:00"));
    const urged = (await w.said("baishui-work")).filter((m) => m.text.startsWith("【催办】"));
    expect(urged.map((m) => [m.text, m.mentions])).toEqual([
      [
        "【催办】D2026-0001 报送防汛物资储备情况，期限 12月7日 18:00，还有 2 小时，请抓紧办理。",
        ["何乡长", "李四"],
      ],
    ]);
    expect(await w.texts("qingshan-work", "【催办】")).toEqual([]);

    await w.advance(local("2026-12-07 18:00"));
    const [inGroup] = (await w.said("baishui-work")).filter((m) => m.text.includes("请立即办理"));
    expect(inGroup?.text).toBe(
      "【督办】D2026-0001 报送防汛物资储备情况，期限 12月7日 18:00，已到期仍未办结，请立即办理并反馈（办完回复「申请办结 D2026-0001 办理结果」）。",
    );
    expect(inGroup).toMatchObject({ urgent: true, mentions: ["何乡长", "李四"] });
    const [toDirector] = await w.said("dm:he-xiangzhang");
    expect(toDirector).toMatchObject({ text: inGroup?.text, urgent: true });
    expect(await w.texts("duty", "【督办】")).toEqual([
      "【督办】D2026-0001 报送防汛物资储备情况：白水乡（配合）期限 12月7日 18:00，已到期仍未办结，第 1 次督办。",
    ]);
    const [toAssigner] = await w.said("dm:li-shuji");
    expect(toAssigner).toMatchObject({ urgent: true });
    expect(toAssigner?.text).toContain("白水乡（配合）");
    let part = (await w.store.part(baishui.id))?.part;
    expect(part).toMatchObject({ overdueAt: local("2026-12-07 18:00"), overdueNotices: 1 });

    await w.advance(local("2026-12-09 18:00"));
    expect(await w.texts("duty", "【督办】")).toHaveLength(3);
    expect((await w.texts("baishui-work", "请立即办理")).map((t) => t.match(/已逾期 [^，]+/)?.[0])).toEqual([
      undefined,
      "已逾期 1 天",
      "已逾期 2 天",
    ]);
    expect((await w.texts("dm:li-shuji", "【督办】")).at(-1)).toContain("第 3 次督办");
    part = (await w.store.part(baishui.id))?.part;
    expect(part).toMatchObject({ overdueAt: local("2026-12-07 18:00"), overdueNotices: 3 });

    // Closed late (its timers left in place on purpose): the next rounds find nothing to do.
    await w.advance(local("2026-12-09 20:00"));
    await close(w, baishui);
    await w.advance(local("2026-12-12 20:00"));
    expect(await w.texts("duty", "【督办】")).toHaveLength(3);
    expect(await w.texts("dm:he-xiangzhang", "【督办】")).toHaveLength(3);
    expect(w.waitingFor(baishui.id)).toEqual([]);
    expect((await w.store.byId(task.id))?.status).toBe("closed");
    const kinds = (await w.store.timeline(task.id)).map((e) => `${e.unitId ?? "-"}:${e.kind}`);
    expect(kinds).toEqual([
      "-:assigned",
      "qingshan:signed",
      "baishui:sign_reminded",
      "qingshan:part_closed",
      "baishui:urged",
      "baishui:overdue",
      "baishui:overdue",
      "baishui:overdue",
      "baishui:part_closed",
      "-:closed",
    ]);
  }, 120_000);

  it("after an extension the old deadline's jobs do nothing and the new one gets its 催办 and 督办", async () => {
    const w = await open();
    const task = await w.file({
      sourceKey: "b",
      content: CONTENT,
      dueAt: local("2026-12-07 18:00"),
      units: [{ unitId: "qingshan", role: "lead" }],
    });
    const [part] = task.parts as [SupervisionPart];
    await sign(w, part, "qian-zhenzhang");
    await w.advance(local("2026-12-07 12:00"));
    const to = local("2026-12-08 18:00");
    const at = w.clock.now();
    await w.store.updatePartIf(
      part.id,
      { dueAt: part.dueAt },
      { dueAt: to, extensions: { increment: 1 } },
      { kind: "extension_granted", at, actorId: "li-shuji", detail: { from: part.dueAt, to } },
    );
    const extended = (await w.store.part(part.id))?.part as SupervisionPart;
    await armPartTimers(w.scheduler, w.config.policy.tasks, task, extended, at);
    // The old 催办 (16:00) and 督办 (18:00) are still on the queue: they fire and find a new deadline.
    expect(w.waitingFor(part.id)).toHaveLength(4);

    await w.advance(local("2026-12-08 12:00"));
    expect(await w.texts("qingshan-work", "【")).toEqual([]);
    expect(await w.texts("duty", "【督办】")).toEqual([]);
    await w.advance(local("2026-12-08 16:00"));
    expect(await w.texts("qingshan-work", "【催办】")).toEqual([
      "【催办】D2026-0001 报送防汛物资储备情况，期限 12月8日 18:00，还有 2 小时，请抓紧办理。",
    ]);
    await w.advance(local("2026-12-08 18:30"));
    expect(await w.texts("duty", "【督办】")).toEqual([
      "【督办】D2026-0001 报送防汛物资储备情况：青山镇（牵头）期限 12月8日 18:00，已到期仍未办结，第 1 次督办。",
    ]);
    expect(await w.texts("dm:qian-zhenzhang", "【督办】")).toHaveLength(1);
  }, 120_000);

  it("asks for progress (催报) a day after the last 签收, 反馈 or ask, until the part is closed", async () => {
    const w = await open({ progress_every: "1d" });
    const task = await w.file({
      sourceKey: "c",
      content: CONTENT,
      dueAt: local("2026-12-11 18:00"),
      units: [{ unitId: "qingshan", role: "lead" }],
    });
    const [part] = task.parts as [SupervisionPart];
    await w.advance(local("2026-12-07 09:30"));
    await sign(w, part, "qian-zhenzhang");
    await w.advance(local("2026-12-08 15:00"));
    const at = w.clock.now();
    await w.store.updatePartIf(
      part.id,
      { closedAt: null },
      { lastProgressAt: at, lastProgress: "已完成 3 个村的清点" },
      { kind: "progress", at, actorId: "zhangsan" },
    );
    await w.advance(local("2026-12-11 15:30"));
    await close(w, part);
    await w.advance(local("2026-12-14 09:00"));
    const asked = (await w.store.timeline(task.id))
      .filter((e) => e.kind === "progress_asked")
      .map((e) => e.at);
    expect(asked).toEqual([
      local("2026-12-08 09:30"),
      local("2026-12-09 15:00"),
      local("2026-12-10 15:00"),
      local("2026-12-11 15:00"),
    ]);
    const texts = await w.texts("qingshan-work", "【催报】");
    expect(texts).toHaveLength(4);
    expect(texts[0]).toBe(
      "【催报】D2026-0001 报送防汛物资储备情况，已 1 天没有反馈进展，请回复「反馈 D2026-0001 进展情况」。",
    );
    expect(w.waitingFor(part.id)).toEqual([]);
  }, 120_000);
  it("while 办结 waits for confirmation: no 催办, no 催报, rounds passed over; after 退回 they resume", async () => {
    const w = await open({ progress_every: "1d" });
    const task = await w.file({
      sourceKey: "d",
      content: CONTENT,
      dueAt: local("2026-12-08 18:00"),
      units: [{ unitId: "qingshan", role: "lead" }],
    });
    const [part] = task.parts as [SupervisionPart];
    await sign(w, part, "qian-zhenzhang");
    await w.advance(local("2026-12-08 15:00"));
    let at = w.clock.now();
    await w.store.updatePartIf(
      part.id,
      { closeRequestedAt: null },
      { closeRequestedAt: at, closeResult: "已报送", closeBy: "zhangsan" },
      { kind: "close_requested", at, actorId: "zhangsan" },
    );
    await w.advance(local("2026-12-09 10:00"));
    expect(await w.texts("qingshan-work", "【催办】")).toEqual([]);
    expect(await w.texts("duty", "【督办】")).toEqual([]);
    expect((await w.store.part(part.id))?.part).toMatchObject({ overdueNotices: 1, overdueAt: null });
    at = w.clock.now();
    await w.store.updatePartIf(
      part.id,
      { closeRequestedAt: { not: null } },
      { closeRequestedAt: null, closeResult: null, closeBy: null },
      { kind: "returned", at, actorId: "li-shuji", detail: { reason: "数据不全" } },
    );
    await w.advance(local("2026-12-10 12:00"));
    expect(await w.texts("duty", "【督办】")).toEqual([
      "【督办】D2026-0001 报送防汛物资储备情况：青山镇（牵头）期限 12月8日 18:00，已逾期 1 天仍未办结，第 2 次督办。",
    ]);
    expect((await w.store.part(part.id))?.part).toMatchObject({
      overdueNotices: 2,
      overdueAt: local("2026-12-09 18:00"),
    });
    const asked = (await w.store.timeline(task.id))
      .filter((e) => e.kind === "progress_asked")
      .map((e) => e.at);
    expect(asked).toEqual([local("2026-12-08 09:00"), local("2026-12-10 09:00")]);
  }, 120_000);
});
