/** Chinese texts of the 督办 clocks: the signing reminder, 【催办】, 【督办】 notices and 催报. */

export const clockMessages = {
  signJobLabel: "督办签收提醒",
  remindJobLabel: "督办到期催办",
  overdueJobLabel: "督办逾期通知",
  progressJobLabel: "督办催报进展",

  /** To the unit's director(s): the task card is still unsigned. */
  signReminder: (number: string, content: string, unit: string, since: string) =>
    `【督办】${number} ${content}，交办已 ${since}，${unit}尚未签收，请及时签收（点任务卡上的「签收」或回复「签收 ${number}」）。`,

  /** 【催办】 to the unit before the deadline. */
  urge: (number: string, content: string, deadline: string, left: string) =>
    `【催办】${number} ${content}，期限 ${deadline}，还有 ${left}，请抓紧办理。`,

  /** 【督办】 to the unit (its group and its director one-to-one) after the deadline; `late` null: just due. */
  overdueToUnit: (number: string, content: string, deadline: string, late: string | null) =>
    `【督办】${number} ${content}，期限 ${deadline}，${late ? `已逾期 ${late}` : "已到期仍未办结"}，请立即办理并反馈（办完回复「申请办结 ${number} 办理结果」）。`,

  /** The same 督办 as the duty office and the assigner read it. */
  overdueToWatchers: (
    number: string,
    content: string,
    unit: string,
    role: string,
    deadline: string,
    late: string | null,
    round: number,
  ) =>
    `【督办】${number} ${content}：${unit}（${role}）期限 ${deadline}，${late ? `已逾期 ${late}` : "已到期"}仍未办结，第 ${round} 次督办。`,

  /** 催报: no 反馈 for the cadence. */
  progressAsk: (number: string, content: string, quiet: string) =>
    `【催报】${number} ${content}，已 ${quiet}没有反馈进展，请回复「反馈 ${number} 进展情况」。`,
};
