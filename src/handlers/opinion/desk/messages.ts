/** The duty desk's 舆情 texts: the panel, an item's page, its actions and the answered-in-time chart. */
import { opinionMessages as O } from "../messages.ts";
import type { OpinionStage } from "../opinion-types.ts";

export const opinionDeskMessages = {
  panelTitle: "舆情",
  columns: {
    number: "编号",
    level: "级别",
    unit: "责任单位",
    step: "当前环节",
    verify: "核实时限",
    respond: "回应时限",
  },
  noneOpen: O.noOpenItems,
  noneOpenOfUnit: O.noOpenItemsOfUnit,
  /** A stage done: `已核实 10:05`. */
  stageDone: (stage: OpinionStage, at: string) => `已${O.stage[stage]} ${at}`,
  /** A stage no longer needed (the answer is out, or the item closed, without it). */
  stageNotNeeded: "无需",
  /** A stage past its deadline: `12:30【核实超时】`. */
  stageOverdue: (due: string, stage: OpinionStage) => `${due}【${O.overdue(stage)}】`,

  pageTitle: (number: string, content: string) => `${number} ${content}`,
  sections: { facts: "舆情", steps: "办理环节", texts: "核实与回应", timeline: "时间线" },
  stepColumns: { step: "环节", due: "时限", done: "完成情况" },
  steps: {
    sign: "签收",
    verify: "核实",
    draft: "报送口径",
    approve: "同意发布",
    respond: "回应",
    close: "办结",
  },
  /** Who did a step and when: `张三 09:40`. */
  doneBy: (who: string, at: string) => (who ? `${who} ${at}` : at),
  notDone: "未完成",
  noDue: "—",

  /** The typed 批示 the desk sends (`{text}` is what the viewer typed). */
  instructSay: (number: string) => `${O.buttons.instruct} ${number} {text}`,
  instructAsk: { label: "批示内容", placeholder: "请立即核实，依法依规回应" },
  ledgerDocument: "舆情台账",

  chartTitle: "舆情按时办理率（近 6 个月）",
  chartVerify: "核实按时率",
  chartRespond: "回应按时率",
  /** `12月` */
  month: (month: number) => `${month}月`,
} as const;
