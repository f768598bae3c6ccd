/**
 * The 舆情 clocks on the real app with virtual time: a 一般 item found 2026-12-07 08:30 and
 * registered at 09:00 (核实 by 12:30, 回应 by 12-09 08:30). Verified in time: no reminder, no
 * escalation for 核实. Unanswered: the unit is reminded at 08:00; from 08:30 a round every hour —
 * round 1 to today's 值班员 (the roster's 周值班) and the unit, round 2 (加急 from now on) to the
 * duty office's director and the unit's (through the unit's group), round 3 to the leaders, round 4
 * the leaders again — until 已回应 stops it. A re-run round sends nothing; a 重大 item's first round
 * is 加急 already; a closed item hears nothing more.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { itemTimerKeys, OPINION_JOBS } from "../../../../../src/handlers/opinion/item-timers.ts";
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

async function open(start = "2026-12-07 09:00"): Promise<OpinionWorld> {
  world = await OpinionWorld.open(await opinionConfig(), local(start));
  return world;
}

const brief = (m: { text: string; mentions: string[]; urgent: boolean }) => [m.text, m.mentions, m.urgent];

describe("the 舆情 clocks", () => {
  it("remind the unit before 回应, escalate level by level every hour, and stop at 已回应", async () => {
    const w = await open();
    const item = await w.register(local("2026-12-07 08:30"));
    expect(item.number).toBe("Y2026-0001");
    expect(w.waitingFor(item.id)).toEqual([
      itemTimerKeys.remind(item.id, "verify"),
      itemTimerKeys.overdue(item.id, "verify", 1),
      itemTimerKeys.remind(item.id, "respond"),
      itemTimerKeys.overdue(item.id, "respond", 1),
    ]);

    await w.advance(local("2026-12-07 11:00"));
    await w.verify(item);
    await w.advance(local("2026-12-09 08:00"));
    expect((await w.saidWith("qingshan-work", "【舆情")).map(brief)).toEqual([
      [
        "【舆情提醒】Y2026-0001 请于 12月9日 08:30 前回应并报已回应（回复「已回应 Y2026-0001 链接或说明」）。",
        ["钱镇长", "张三"],
        false,
      ],
    ]);

    await w.advance(local("2026-12-09 08:30"));
    const round1 = "【舆情超时】Y2026-0001 回应已到时限（12月9日 08:30）";
    expect((await w.saidWith("duty", "【舆情超时】")).map(brief)).toEqual([
      [`${round1}，责任单位：青山镇，请督促办理（第 1 次提醒）。`, ["周值班"], false],
    ]);
    expect((await w.saidWith("qingshan-work", "【舆情超时】")).map(brief)).toEqual([
      [`${round1}，请立即回应，完成后回复「已回应 Y2026-0001 链接或说明」。`, ["钱镇长", "张三"], false],
    ]);
    expect(await w.saidWith("leaders", "【舆情超时】")).toEqual([]);
    expect((await w.store.byId(item.id))?.respondNotices).toBe(1);

    // The round run again (a retry): nothing sent twice, nothing counted twice.
    await w.app.jobs.run(w.app.services, itemTimerKeys.overdue(item.id, "respond", 1), {
      name: OPINION_JOBS.overdue,
      data: { itemId: item.id, stage: "respond", round: 1 },
    });
    await w.app.idle();
    expect(await w.saidWith("duty", "【舆情超时】")).toHaveLength(1);

    await w.advance(local("2026-12-09 09:30"));
    const round2 =
      "【舆情超时】Y2026-0001 回应已超时 1 小时（时限 12月9日 08:30），责任单位：青山镇，请督促办理（第 2 次提醒）。";
    expect((await w.saidWith("leaders", "【舆情超时】")).map(brief)).toEqual([[round2, ["吴主任"], true]]);
    expect((await w.saidWith("duty", "【舆情超时】")).slice(1).map(brief)).toEqual([
      [round2, ["吴主任"], true],
    ]);
    const [, unit2] = await w.saidWith("qingshan-work", "【舆情超时】");
    expect(unit2).toMatchObject({ mentions: ["钱镇长", "张三"], urgent: true, urgentTo: ["钱镇长", "张三"] });
    expect(await w.said("dm:qian-zhenzhang")).toEqual([]);

    await w.advance(local("2026-12-09 11:30"));
    const leaders = (await w.saidWith("leaders", "【舆情超时】")).slice(1);
    expect(leaders.map((m) => [m.text.match(/已超时 [^（]+|第 \d+ 次/g), m.mentions, m.urgent])).toEqual([
      [["已超时 2 小时", "第 3 次"], ["李书记", "王县长", "赵秘书长"], true],
      [["已超时 3 小时", "第 4 次"], ["李书记", "王县长", "赵秘书长"], true],
    ]);
    expect(await w.saidWith("duty", "【舆情超时】")).toHaveLength(2);
    expect(await w.saidWith("qingshan-work", "【舆情超时】")).toHaveLength(4);

    await w.advance(local("2026-12-09 12:00"));
    await w.respond(item);
    expect(w.waitingFor(item.id)).toEqual([]);
    await w.advance(local("2026-12-10 12:00"));
    expect(await w.saidWith("leaders", "【舆情超时】")).toHaveLength(3);
    expect(await w.saidWith("qingshan-work", "【舆情")).toHaveLength(5);

    const steps = (await w.store.timeline(item.id))
      .filter((e) => e.kind === "reminded" || e.kind === "escalated")
      .map((e) => {
        const d = e.detail as { stage: string; round?: number; people: string[] };
        return [e.kind, d.stage, d.round ?? null, d.people];
      });
    expect(steps).toEqual([
      ["reminded", "respond", null, ["qian-zhenzhang", "zhangsan"]],
      ["escalated", "respond", 1, ["zhou-zhiban"]],
      ["escalated", "respond", 2, ["wu-zhuren", "qian-zhenzhang"]],
      ["escalated", "respond", 3, ["li-shuji", "wang-xianzhang", "zhao-mishuzhang"]],
      ["escalated", "respond", 4, ["li-shuji", "wang-xianzhang", "zhao-mishuzhang"]],
    ]);
    expect(await w.store.byId(item.id)).toMatchObject({ verifyNotices: 0, respondNotices: 4 });
  }, 120_000);

  it("remind before 核实 and escalate it, 加急 from the first round for an urgent level", async () => {
    const w = await open("2026-12-07 09:00");
    // 重大, found 08:50: 核实 by 09:50 (reminder 09:20), 回应 by 13:50.
    const item = await w.register(local("2026-12-07 08:50"), "major");
    await w.advance(local("2026-12-07 09:50"));
    expect((await w.saidWith("qingshan-work", "【舆情")).map(brief)).toEqual([
      [
        "【舆情提醒】Y2026-0001 请于 12月7日 09:50 前报送核实情况（回复「核实 Y2026-0001 核实情况」）。",
        ["钱镇长", "张三"],
        false,
      ],
      [
        "【舆情超时】Y2026-0001 核实已到时限（12月7日 09:50），请立即核实，完成后回复「核实 Y2026-0001 核实情况」。",
        ["钱镇长", "张三"],
        true,
      ],
    ]);
    expect((await w.saidWith("duty", "【舆情超时】")).map(brief)).toEqual([
      [
        "【舆情超时】Y2026-0001 核实已到时限（12月7日 09:50），责任单位：青山镇，请督促办理（第 1 次提醒）。",
        ["周值班"],
        true,
      ],
    ]);
    await w.advance(local("2026-12-07 10:00"));
    await w.verify(item);
    await w.advance(local("2026-12-07 13:50"));
    // 核实 done: its round 2 never came; 回应's reminder and round 1 did.
    expect((await w.texts("duty", "【舆情超时】")).map((t) => t.split("）")[0])).toEqual([
      "【舆情超时】Y2026-0001 核实已到时限（12月7日 09:50",
      "【舆情超时】Y2026-0001 回应已到时限（12月7日 13:50",
    ]);
    expect(await w.texts("qingshan-work", "【舆情提醒】")).toHaveLength(2);
    expect(await w.store.byId(item.id)).toMatchObject({ verifyNotices: 1, respondNotices: 1 });
  }, 120_000);

  it("tell nothing more once the item is closed, its jobs left in place", async () => {
    const w = await open();
    const item = await w.register(local("2026-12-07 08:30"));
    await w.advance(local("2026-12-07 10:00"));
    await w.closeItem(item);
    expect(w.waitingFor(item.id)).toHaveLength(4);
    await w.advance(local("2026-12-10 12:00"));
    for (const chat of ["qingshan-work", "duty", "leaders"])
      expect(await w.saidWith(chat, "【舆情")).toEqual([]);
    expect(w.waitingFor(item.id)).toEqual([]);
    expect((await w.store.timeline(item.id)).map((e) => e.kind)).toEqual(["registered", "closed"]);
  }, 120_000);
});
