/** Chinese texts of the 舆情 clocks: the reminder before a deadline and the notices after it. */
import { opinionMessages } from "../messages.ts";
import type { OpinionStage } from "../opinion-types.ts";

const stageName = (stage: OpinionStage) => opinionMessages.stage[stage];

/** What the unit types once the stage is done. */
const typed = {
  verify: (number: string) => `「核实 ${number} 核实情况」`,
  respond: (number: string) => `「已回应 ${number} 链接或说明」`,
} satisfies Record<OpinionStage, (number: string) => string>;

/** `回应已超时 2 小时（时限 12月9日 08:30）`, or `回应已到时限（12月9日 08:30）` within its first minute. */
const lateness = (stage: OpinionStage, deadline: string, late: string | null) =>
  late
    ? `${stageName(stage)}已超时 ${late}（时限 ${deadline}）`
    : `${stageName(stage)}已到时限（${deadline}）`;

export const clockMessages = {
  remindJobLabel: "舆情时限提醒",
  overdueJobLabel: "舆情超时提醒",

  /** To the unit `remind_before` the deadline. */
  remind: (stage: OpinionStage, number: string, deadline: string) =>
    stage === "verify"
      ? `【舆情提醒】${number} 请于 ${deadline} 前报送核实情况（回复${typed.verify(number)}）。`
      : `【舆情提醒】${number} 请于 ${deadline} 前回应并报已回应（回复${typed.respond(number)}）。`,

  /** To the responsible unit, each round after the deadline. */
  overdueToUnit: (stage: OpinionStage, number: string, deadline: string, late: string | null) =>
    `【舆情超时】${number} ${lateness(stage, deadline, late)}，请立即${stageName(stage)}，完成后回复${typed[stage](number)}。`,

  /** To the round's escalation level. */
  overdueToWatchers: (
    stage: OpinionStage,
    number: string,
    deadline: string,
    late: string | null,
    unit: string,
    round: number,
  ) =>
    `【舆情超时】${number} ${lateness(stage, deadline, late)}，责任单位：${unit}，请督促办理（第 ${round} 次提醒）。`,
};
