/**
 * The 督办 clocks across restarts, on virtual time: a restart with Redis intact keeps every pending
 * timer as it was (nothing added); when Redis lost its data the timers are rebuilt from the
 * database — what is still to come at its time, a 督办 round that came due while the app was down
 * at once (one notice, not one per missed day), a 催办 whose time passed unsent at once while the
 * deadline is ahead, a task card never sent at once — and nothing already sent is sent twice.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { partTimerKeys } from "../../../../src/handlers/supervision/clocks/part-timers.ts";
import type { SupervisionPart } from "../../../../src/handlers/supervision/task-types.ts";
import { openTestDatabase } from "../../../support/database.ts";
import { ClockWorld, local, tasksConfig } from "./clock-world.ts";

const CONTENT = "报送防汛物资储备情况";
let world: ClockWorld | undefined;

// The first database of the file (a PGlite loaded from its dump) costs the most: not in a test's time.
beforeAll(async () => {
  await (await openTestDatabase()).close();
}, 120_000);

afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function open(): Promise<ClockWorld> {
  world = await ClockWorld.open(await tasksConfig(), local("2026-12-07 09:00"));
  return world;
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

describe("the 督办 clocks across restarts", () => {
  it("keep their timers through a restart and are rebuilt once each when Redis lost its data", async () => {
    const w = await open();
    const due = local("2026-12-07 18:00");
    const task = await w.file({
      sourceKey: "a",
      content: CONTENT,
      dueAt: due,
      units: [
        { unitId: "qingshan", role: "lead" },
        { unitId: "baishui", role: "assist" },
      ],
    });
    const [qingshan, baishui] = task.parts as [SupervisionPart, SupervisionPart];
    await w.advance(local("2026-12-07 09:30"));
    await sign(w, qingshan, "qian-zhenzhang");
    await w.advance(local("2026-12-07 11:00"));
    expect(await w.texts("baishui-work", "尚未签收")).toHaveLength(1);

    // Restart, Redis intact: the same timers wait, none added.
    const before = w.scheduler.waiting();
    await w.restart(false);
    expect(w.scheduler.waiting()).toEqual(before);

    await w.advance(local("2026-12-07 16:30"));
    expect(await w.texts("qingshan-work", "【催办】")).toHaveLength(1);
    expect(await w.texts("baishui-work", "【催办】")).toHaveLength(1);

    // Redis lost: only the first 督办 round is put back (the reminder and the 催办 were sent).
    await w.restart(true);
    expect(w.waitingFor(qingshan.id)).toEqual([partTimerKeys.overdue(qingshan.id, due, 1)]);
    expect(w.waitingFor(baishui.id)).toEqual([partTimerKeys.overdue(baishui.id, due, 1)]);
    await w.advance(local("2026-12-07 18:00"));
    expect(await w.texts("duty", "【督办】")).toHaveLength(2);

    // Down from Monday 18:00 until Thursday 10:00, Redis lost again: one notice now (round 3, the
    // latest due), then the next round at its time.
    w.clock.set(local("2026-12-10 10:00"));
    await w.restart(true);
    expect(w.waitingFor(baishui.id)).toEqual([partTimerKeys.overdue(baishui.id, due, 2)]);
    await w.advance(w.clock.now());
    const caughtUp = (await w.texts("duty", "【督办】")).slice(2);
    expect(caughtUp).toEqual([
      "【督办】D2026-0001 报送防汛物资储备情况：青山镇（牵头）期限 12月7日 18:00，已逾期 2 天 16 小时仍未办结，第 3 次督办。",
      "【督办】D2026-0001 报送防汛物资储备情况：白水乡（配合）期限 12月7日 18:00，已逾期 2 天 16 小时仍未办结，第 3 次督办。",
    ]);
    expect(w.waitingFor(baishui.id)).toEqual([partTimerKeys.overdue(baishui.id, due, 4)]);
    await w.advance(local("2026-12-10 18:00"));
    expect((await w.texts("duty", "【督办】")).slice(4).map((t) => t.match(/第 \d 次/)?.[0])).toEqual([
      "第 4 次",
      "第 4 次",
    ]);
    // Never twice: one signing reminder, one 催办 per unit, one 督办 per round per unit.
    expect(await w.texts("baishui-work", "尚未签收")).toHaveLength(1);
    expect(await w.texts("baishui-work", "【催办】")).toHaveLength(1);
    expect(await w.texts("dm:he-xiangzhang", "【督办】")).toHaveLength(3);
    const rounds = (await w.store.timeline(task.id))
      .filter((e) => e.kind === "overdue")
      .map((e) => `${e.unitId}:${(e.detail as { round: number }).round}`);
    expect(rounds).toEqual(["qingshan:1", "baishui:1", "qingshan:3", "baishui:3", "qingshan:4", "baishui:4"]);
  }, 120_000);

  it("sends a 催办 whose time passed unsent once, at once, and puts back a task card never sent", async () => {
    const w = await open();
    const due = local("2026-12-07 18:00");
    const task = await w.file({
      sourceKey: "b",
      content: CONTENT,
      dueAt: due,
      units: [{ unitId: "qingshan", role: "lead" }],
    });
    const [part] = task.parts as [SupervisionPart];
    await sign(w, part, "qian-zhenzhang");
    // The app went down at 09:00 and Redis lost its data; back at 16:30, before the deadline.
    w.clock.set(local("2026-12-07 16:30"));
    await w.restart(true);
    expect(w.waitingFor(part.id)).toEqual([
      partTimerKeys.remind(part.id, due),
      partTimerKeys.overdue(part.id, due, 1),
    ]);
    await w.advance(w.clock.now());
    expect(await w.texts("qingshan-work", "【催办】")).toEqual([
      "【催办】D2026-0001 报送防汛物资储备情况，期限 12月7日 18:00，还有 1 小时 30 分钟，请抓紧办理。",
    ]);
    await w.advance(local("2026-12-07 17:00"));
    await w.restart(true);
    expect(w.waitingFor(part.id)).toEqual([partTimerKeys.overdue(part.id, due, 1)]);

    // A part whose card was never sent (a crash right after filing): its notify job is put back.
    const unsent = await w.file({
      sourceKey: "c",
      content: "清点应急物资",
      dueAt: local("2026-12-08 18:00"),
      units: [{ unitId: "liulin", role: "lead" }],
    });
    const [liulin] = unsent.parts as [SupervisionPart];
    await w.database.prisma.supervisionPart.update({ where: { id: liulin.id }, data: { notifiedAt: null } });
    await w.restart(true);
    expect(w.waitingFor(liulin.id)).toEqual([
      partTimerKeys.notify(liulin.id),
      partTimerKeys.sign(liulin.id),
      partTimerKeys.remind(liulin.id, local("2026-12-08 18:00")),
      partTimerKeys.overdue(liulin.id, local("2026-12-08 18:00"), 1),
    ]);
  }, 120_000);
});
