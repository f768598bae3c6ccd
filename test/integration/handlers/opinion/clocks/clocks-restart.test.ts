/**
 * The 舆情 clocks across restarts, on virtual time: a restart with Redis intact keeps every pending
 * timer as it was (nothing added); when Redis lost its data the timers are rebuilt from the
 * database — what is still to come at its time, a reminder whose time passed unsent at once while
 * its deadline is ahead, an escalation round that came due while the app was down at once (one
 * notice for the latest round, not one per missed hour), an alert never sent at once — and nothing
 * already sent is sent twice.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { itemTimerKeys } from "../../../../../src/handlers/opinion/item-timers.ts";
import { openTestDatabase } from "../../../../support/database.ts";
import { local, OpinionWorld, opinionConfig } from "./opinion-world.ts";

let world: OpinionWorld | undefined;

// The first database of the file (a PGlite loaded from its dump) costs the most: not in a test's time.
beforeAll(async () => {
  await (await openTestDatabase()).close();
}, 120_000);

afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe("the 舆情 clocks across restarts", () => {
  it("keep their timers through a restart and are rebuilt once each when Redis lost its data", async () => {
    const w = await OpinionWorld.open(await opinionConfig(), local("2026-12-07 09:00"));
    world = w;
    const item = await w.register(local("2026-12-07 08:30"));
    const keys = {
      verifyRemind: itemTimerKeys.remind(item.id, "verify"),
      respondRemind: itemTimerKeys.remind(item.id, "respond"),
      verify: (round: number) => itemTimerKeys.overdue(item.id, "verify", round),
      respond: (round: number) => itemTimerKeys.overdue(item.id, "respond", round),
    };
    await w.advance(local("2026-12-07 11:00"));

    // Restart, Redis intact: the same timers wait, none added.
    const before = w.scheduler.waiting();
    await w.restart(false);
    expect(w.scheduler.waiting()).toEqual(before);

    // Redis lost before anything ran: everything is put back, at its own time.
    await w.restart(true);
    expect(w.scheduler.waiting().filter((t) => t.key.startsWith("opinion-"))).toEqual([
      { key: keys.verifyRemind, at: local("2026-12-07 12:00") },
      { key: keys.verify(1), at: local("2026-12-07 12:30") },
      { key: keys.respondRemind, at: local("2026-12-09 08:00") },
      { key: keys.respond(1), at: local("2026-12-09 08:30") },
    ]);
    await w.advance(local("2026-12-07 12:10"));
    await w.verify(item);
    expect(await w.texts("qingshan-work", "【舆情提醒】")).toHaveLength(1);

    // Redis lost again: the reminder sent is not put back, nor anything of the verified stage.
    await w.restart(true);
    expect(w.waitingFor(item.id)).toEqual([keys.respondRemind, keys.respond(1)]);

    // Down from Monday 12:10 until Wednesday 08:10, Redis lost: the 回应 reminder, missed, now.
    w.clock.set(local("2026-12-09 08:10"));
    await w.restart(true);
    expect(w.scheduler.waiting().filter((t) => t.key.startsWith("opinion-"))).toEqual([
      { key: keys.respondRemind, at: local("2026-12-09 08:10") },
      { key: keys.respond(1), at: local("2026-12-09 08:30") },
    ]);
    await w.advance(local("2026-12-09 08:10"));
    expect(await w.texts("qingshan-work", "【舆情提醒】")).toEqual([
      "【舆情提醒】Y2026-0001 请于 12月7日 12:30 前报送核实情况（回复「核实 Y2026-0001 核实情况」）。",
      "【舆情提醒】Y2026-0001 请于 12月9日 08:30 前回应并报已回应（回复「已回应 Y2026-0001 链接或说明」）。",
    ]);
    await w.restart(true);
    expect(w.waitingFor(item.id)).toEqual([keys.respond(1)]);

    // Down from 08:10 until 11:40, Redis lost: one notice now, round 4 (the latest due), to the
    // leaders; then round 5 at its time.
    w.clock.set(local("2026-12-09 11:40"));
    await w.restart(true);
    expect(w.waitingFor(item.id)).toEqual([keys.respond(1)]);
    await w.advance(w.clock.now());
    expect(await w.texts("duty", "【舆情超时】")).toEqual([]);
    expect(await w.texts("leaders", "【舆情超时】")).toEqual([
      "【舆情超时】Y2026-0001 回应已超时 3 小时 10 分钟（时限 12月9日 08:30），责任单位：青山镇，请督促办理（第 4 次提醒）。",
    ]);
    expect(w.waitingFor(item.id)).toEqual([keys.respond(5)]);

    // Restart with Redis intact, then Redis lost: round 5 waits once, at 12:30.
    await w.restart(false);
    expect(w.waitingFor(item.id)).toEqual([keys.respond(5)]);
    await w.restart(true);
    expect(w.scheduler.waiting().filter((t) => t.key.startsWith("opinion-"))).toEqual([
      { key: keys.respond(5), at: local("2026-12-09 12:30") },
    ]);
    await w.advance(local("2026-12-09 12:40"));
    expect((await w.texts("leaders", "【舆情超时】")).map((t) => t.match(/第 \d+ 次/)?.[0])).toEqual([
      "第 4 次",
      "第 5 次",
    ]);

    // Never twice: one reminder per stage, one notice per round.
    expect(await w.texts("qingshan-work", "【舆情提醒】")).toHaveLength(2);
    expect(await w.texts("qingshan-work", "【舆情超时】")).toHaveLength(2);
    const steps = (await w.store.timeline(item.id))
      .filter((e) => e.kind === "reminded" || e.kind === "escalated")
      .map((e) => {
        const d = e.detail as { stage: string; round?: number };
        return `${e.kind}:${d.stage}${d.round ? `:${d.round}` : ""}`;
      });
    expect(steps).toEqual([
      "reminded:verify",
      "reminded:respond",
      "escalated:respond:4",
      "escalated:respond:5",
    ]);
  }, 120_000);

  it("puts back the alert of an item whose alert was never sent, and nothing of a closed item", async () => {
    const w = await OpinionWorld.open(await opinionConfig(), local("2026-12-07 09:00"));
    world = w;
    const unsent = await w.register(local("2026-12-07 08:30"));
    await w.database.prisma.opinionItem.update({ where: { id: unsent.id }, data: { alertedAt: null } });
    const closed = await w.register(local("2026-12-07 08:40"), "large");
    await w.closeItem(closed);
    await w.restart(true);
    expect(w.waitingFor(unsent.id)).toEqual([
      itemTimerKeys.alert(unsent.id),
      itemTimerKeys.remind(unsent.id, "verify"),
      itemTimerKeys.overdue(unsent.id, "verify", 1),
      itemTimerKeys.remind(unsent.id, "respond"),
      itemTimerKeys.overdue(unsent.id, "respond", 1),
    ]);
    expect(w.waitingFor(closed.id)).toEqual([]);
  }, 120_000);
});
