/**
 * Chinese texts of 查询 Y2026-0001 (the item card and its timeline), the 舆情 sections of 日报 and
 * 统计, and the 舆情日报 the `opinion-digest` job sends, in one place for review.
 */
import type { OpinionEventKind } from "../opinion-types.ts";

export const opinionQueryMessages = {
  querySummary: "查看舆情的办理情况、时间线和发布口径：查询 Y2026-0001",
  notAllowed: (number: string) =>
    `${number} 不是本单位负责的舆情，您没有查看权限。如需了解，请联系县总值班室。`,

  cardTitle: (heading: string, step: string) => `${heading} · ${step}`,
  labels: {
    level: "级别",
    source: "来源",
    link: "链接",
    content: "内容",
    unit: "责任单位",
    foundAt: "发现时间",
    reach: "传播情况",
    step: "当前环节",
    verifyDue: "核实时限",
    respondDue: "回应时限",
    verification: "核实情况",
    approved: "发布口径",
    response: "回应情况",
    closedAt: "办结时间",
    timeline: "时间线",
  },
  reach: { reads: "阅读", reposts: "转发", comments: "评论" },
  /** `阅读 23000` */
  reachPart: (label: string, count: number) => `${label} ${count}`,
  /** A deadline with how its stage stands: `2026-12-07 12:30（11:00 已核实）`. */
  dueDone: (due: string, at: string, stage: string, onTime: boolean) =>
    `${due}（${at} 已${stage}${onTime ? "" : "，超时"}）`,
  dueOverdue: (due: string, stage: string) => `${due}【${stage}超时】`,
  dueOpen: (due: string) => due,
  timelineEmpty: "（暂无记录）",

  digestNew: (count: number) => `舆情：新增（${count} 件）`,
  digestOpen: (count: number) => `舆情：在办（${count} 件）`,
  digestOverdue: (count: number) => `舆情：回应超时（${count} 件）`,
  /** `Y2026-0001（一般）青山镇 微博「…」` */
  digestNewLine: (number: string, level: string, unit: string, source: string, content: string) =>
    `${number}（${level}）${unit} ${source}「${content}」`,
  /** `Y2026-0002（较大）白水乡 超时 3 小时（时限 12-07 09:00）` */
  digestOverdueLine: (number: string, level: string, unit: string, late: string, due: string) =>
    `${number}（${level}）${unit} 超时 ${late}（时限 ${due}）`,
  more: (count: number) => `另有 ${count} 件未列出`,
  none: "无",

  statisticsLabel: "舆情",
  /** `青山镇：舆情 2 件，核实按时 1/2，回应按时 0/1` */
  statisticsLine: (
    unit: string,
    s: {
      items: number;
      verified: number;
      verifiedOnTime: number;
      responded: number;
      respondedOnTime: number;
    },
  ) =>
    `${unit}：舆情 ${s.items} 件，核实按时 ${s.verifiedOnTime}/${s.verified}，回应按时 ${s.respondedOnTime}/${s.responded}`,
  statisticsNote:
    "舆情：件数为期内登记的舆情；核实按时为按时核实的件数/已核实的件数，回应按时为按时回应的件数/已回应的件数。",

  dailyTitle: (day: string) => `舆情日报 · ${day}`,
  dailyStatisticsLabel: "今日各单位",
  dailyJobLabel: "舆情日报",
} as const;

/** How each step of an item's timeline reads (every kind of OPINION_EVENT_KINDS). */
export const OPINION_TIMELINE_WORDS = {
  registered: "登记",
  registeredLevel: (level: string) => `登记（${level}）`,
  alerted: "已通知值班室、县领导和责任单位",
  read: "已阅",
  instructed: "批示",
  signed: "签收",
  verified: "核实",
  drafted: "报送口径",
  revision_asked: "修改意见",
  approved: "同意发布",
  responded: "已回应",
  reminded: (stage: string) => `${stage}时限将到，已提醒责任单位`,
  escalated: (stage: string, round: number | undefined) =>
    round ? `${stage}超时，第 ${round} 次逐级提醒` : `${stage}超时，逐级提醒`,
  converted: "转突发，开始首报",
  incident_filed: (number: string | undefined) => (number ? `已报突发事件 ${number}` : "已报突发事件"),
  closed: "办结",
  quoted: (label: string, text: string) => `${label}：${text}`,
} satisfies Record<OpinionEventKind, unknown> & Record<string, unknown>;
