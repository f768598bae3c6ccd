/**
 * The 舆情 clocks' pure rules: when the reminder before a deadline is due, which escalation round
 * is due by a time (a late job catches up to it), which escalation level a round tells, when it
 * goes 加急, and who is told (escalation-plan.ts, on the sample org).
 */
import { describe, expect, it } from "vitest";
import { Directory } from "../../../../../src/bot/core/directory.ts";
import { DEFAULT_OPINION_ESCALATION, opinionPolicySchema } from "../../../../../src/config/opinion-policy.ts";
import { onDutyFrom } from "../../../../../src/handlers/office/on-duty.ts";
import {
  escalationLevelOf,
  escalationPlan,
  escalationUrgent,
} from "../../../../../src/handlers/opinion/clocks/escalation-plan.ts";
import { clockMessages as M } from "../../../../../src/handlers/opinion/clocks/messages.ts";
import {
  dueOverdueRound,
  overdueRoundAt,
  remindAt,
} from "../../../../../src/handlers/opinion/item-timers.ts";
import { levelOf, opinionDues } from "../../../../../src/handlers/opinion/rules/opinion-level.ts";
import { sampleConfig } from "../../../../support/app.ts";

const config = await sampleConfig();
const directory = new Directory(config.org);
const rules = opinionPolicySchema.parse({});
const HOUR = 3_600_000;
const MINUTE = 60_000;
/** Found 2026-12-07 08:30 (Asia/Shanghai), registered at 09:00. */
const FOUND = new Date("2026-12-07T00:30:00Z");
const REGISTERED = new Date("2026-12-07T01:00:00Z");

function item(levelId: string, registeredAt = REGISTERED) {
  return {
    id: 1,
    registeredAt,
    verifyNotices: 0,
    respondNotices: 0,
    status: "open",
    signedAt: null,
    verifiedAt: null,
    draft: null,
    draftAt: null,
    approvedAt: null,
    respondedAt: null,
    closedAt: null,
    ...opinionDues(levelOf(rules, levelId), FOUND),
  };
}

describe("the reminder before a deadline", () => {
  it("is remind_before the deadline, from the found time", () => {
    const general = item("general");
    expect(remindAt(general, "verify", rules)).toEqual(new Date("2026-12-07T04:00:00Z")); // 12:00
    expect(remindAt(general, "respond", rules)).toEqual(new Date("2026-12-09T00:00:00Z")); // 12-09 08:00
  });

  it("is none when its time is not after the registration (registered late)", () => {
    const major = item("major"); // 核实 by 09:30: the reminder would be at 09:00, the registration
    expect(remindAt(major, "verify", rules)).toBeNull();
    expect(remindAt(major, "respond", rules)).toEqual(new Date("2026-12-07T05:00:00Z")); // 13:00
    expect(remindAt(item("general", new Date("2026-12-07T04:10:00Z")), "verify", rules)).toBeNull();
  });
});

describe("the escalation rounds", () => {
  const due = item("general").respondDueAt;
  const at = (minutes: number) => new Date(due.getTime() + minutes * MINUTE);

  it("are none before the deadline, round 1 at it, one more each escalate_every", () => {
    expect([-1, 0, 59, 60, 119, 120, 190].map((m) => dueOverdueRound(due, at(m), rules))).toEqual([
      0, 1, 1, 2, 2, 3, 4,
    ]);
    expect([1, 2, 4].map((r) => overdueRoundAt(due, r, rules).getTime() - due.getTime())).toEqual([
      0,
      HOUR,
      3 * HOUR,
    ]);
  });

  it("catch up: a round found late is the latest one due, each round's own time giving itself", () => {
    for (const round of [1, 2, 7])
      expect(dueOverdueRound(due, overdueRoundAt(due, round, rules), rules)).toBe(round);
    // Down from 08:30 until 3 days later 09:00: round 73 now, not 72 notices.
    expect(dueOverdueRound(due, at(3 * 24 * 60 + 30), rules)).toBe(73);
  });

  it("tell level r-1 of the escalation, the last level repeating", () => {
    const levels = DEFAULT_OPINION_ESCALATION;
    expect([1, 2, 3, 4, 10].map((r) => escalationLevelOf(levels, r))).toEqual([0, 1, 2, 2, 2]);
    expect([1, 2].map((r) => escalationLevelOf([["leader"]], r))).toEqual([0, 0]);
  });

  it("go 加急 from the first round when the level is urgent, from the second whatever the level", () => {
    expect([1, 2, 3].map((r) => escalationUrgent(false, r))).toEqual([false, true, true]);
    expect([1, 2].map((r) => escalationUrgent(true, r))).toEqual([true, true]);
  });
});

describe("who a round tells", () => {
  const escalation = config.policy.escalation ?? []; // [duty] → [director@duty-office, director@reporting] → [leader]
  const rostered = onDutyFrom({ duty: ["zhou-zhiban"], leaders: ["wang-xianzhang"] }, directory.people());
  const plan = (round: number, unitId = "qingshan", levelUrgent = false) =>
    escalationPlan({ directory, escalation, round, unitId, onDuty: rostered, levelUrgent });

  it("round 1: today's 值班员 in the duty group, and the unit with its people mentioned", () => {
    expect(plan(1)).toEqual({
      level: 0,
      people: ["zhou-zhiban"],
      urgent: false,
      unit: [{ chatId: "qingshan-work", mentions: ["qian-zhenzhang", "zhangsan"] }],
      watchers: [{ chatId: "duty", mentions: ["zhou-zhiban"] }],
    });
  });

  it("round 2: the duty office's director where he is, the unit's director through the unit's message only", () => {
    expect(plan(2)).toMatchObject({
      level: 1,
      people: ["wu-zhuren", "qian-zhenzhang"],
      urgent: true,
      watchers: [
        { chatId: "leaders", mentions: ["wu-zhuren"] },
        { chatId: "duty", mentions: ["wu-zhuren"] },
      ],
    });
  });

  it("round 3 and on: every leader in the leaders' group", () => {
    for (const round of [3, 4])
      expect(plan(round)).toMatchObject({
        level: 2,
        people: ["li-shuji", "wang-xianzhang", "zhao-mishuzhang"],
        watchers: [{ chatId: "leaders", mentions: ["li-shuji", "wang-xianzhang", "zhao-mishuzhang"] }],
      });
  });

  it("without a roster entry, every 值班员; a unit's director outside any alert group one to one", () => {
    const everyone = onDutyFrom(undefined, directory.people());
    expect(
      escalationPlan({
        directory,
        escalation: [["duty"]],
        round: 1,
        unitId: "baishui",
        onDuty: everyone,
        levelUrgent: true,
      }),
    ).toMatchObject({
      urgent: true,
      unit: [{ chatId: "baishui-work", mentions: ["he-xiangzhang", "lisi"] }],
      watchers: [
        { chatId: "leaders", mentions: ["wu-zhuren"] },
        { chatId: "duty", mentions: ["sun-zhiban", "zhou-zhiban", "wu-zhuren"] },
      ],
    });
    expect(
      escalationPlan({
        directory,
        escalation: [["director@baishui"]],
        round: 1,
        unitId: "qingshan",
        onDuty: everyone,
        levelUrgent: false,
      }).watchers,
    ).toEqual([{ chatId: "dm:he-xiangzhang", mentions: ["he-xiangzhang"] }]);
  });
});

describe("the clocks' texts", () => {
  it("name the item, the stage's deadline and what to type", () => {
    expect(M.remind("verify", "Y2026-0001", "12月7日 12:30")).toBe(
      "【舆情提醒】Y2026-0001 请于 12月7日 12:30 前报送核实情况（回复「核实 Y2026-0001 核实情况」）。",
    );
    expect(M.remind("respond", "Y2026-0001", "12月9日 08:30")).toBe(
      "【舆情提醒】Y2026-0001 请于 12月9日 08:30 前回应并报已回应（回复「已回应 Y2026-0001 链接或说明」）。",
    );
    expect(M.overdueToWatchers("respond", "Y2026-0001", "12月9日 08:30", "2 小时", "青山镇", 3)).toBe(
      "【舆情超时】Y2026-0001 回应已超时 2 小时（时限 12月9日 08:30），责任单位：青山镇，请督促办理（第 3 次提醒）。",
    );
    expect(M.overdueToUnit("verify", "Y2026-0001", "12月7日 12:30", null)).toBe(
      "【舆情超时】Y2026-0001 核实已到时限（12月7日 12:30），请立即核实，完成后回复「核实 Y2026-0001 核实情况」。",
    );
  });
});
