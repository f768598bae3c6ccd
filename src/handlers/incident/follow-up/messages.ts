/** Chinese texts of 续报, 终报 and 要求续报, in one place for review. */

export const followUpMessages = {
  followUpSummary: "续报事件进展（补报缺少的要素）：续报，或 续报 2026-0042",
  finalSummary: "终报，报告处置结果并结案：终报，或 终报 2026-0042",
  requestSummary: "要求报告单位续报（领导、值班员）：要求续报 2026-0042",
  followUpTitle: "突发事件续报",
  finalTitle: "突发事件终报",
  confirmFollowUp: "确认续报",
  confirmFinal: "确认终报",

  noneOpen: (command: string) =>
    `本单位目前没有处置中的事件，不需要${command}。新发生的事件请用「上报」首报。`,
  severalOpen: (command: string, lines: string[]) =>
    `本单位有 ${lines.length} 起处置中的事件，请写明编号，例如「${command} ${lines[0]?.split(" ")[0] ?? ""}」：\n${lines.join("\n")}`,
  otherUnit: (number: string, unit: string, command: string) =>
    `${number} 是${unit}上报的事件，只能由${unit}的同志${command}。`,
  closed: (number: string) => `${number} 已终报结案，不能再续报或终报。如有新情况，请用「上报」另行首报。`,
  unknownChat: "请在本单位工作群或与我的私聊中续报、终报。",

  followUpIntro: (title: string, number: string, what: string, missing: string[]) =>
    missing.length > 0
      ? `开始${title}：${number}（${what}）。首报还缺：${missing.join("、")}，请先补报，再说进展。`
      : `开始${title}：${number}（${what}）。`,
  finalIntro: (number: string, what: string) => `开始终报：${number}（${what}）。终报后事件结案，停止催报。`,

  progressPrompt: "目前进展情况？例如「现场已清理完毕，道路恢复通行」。",
  progressInvalid: "请用一两句话说明最新进展（至少 4 个字）。",
  casualtiesNowPrompt: "目前伤亡情况？如「3死6伤」；没有变化可回复「跳过」。",
  newMeasuresPrompt: "新采取了哪些措施？没有可回复「跳过」。",
  textTooShort: "请写具体一些（至少 2 个字）。",
  outcomePrompt: "处置结果？例如「伤员均已送医救治，道路已恢复通行」。",
  outcomeInvalid: "请用一两句话说明处置结果（至少 4 个字）。",
  causePrompt: "事件原因？例如「货车超速行驶，与对向车辆相撞」。不清楚可回复「跳过」。",
  aftermathPrompt: "善后情况？例如「遇难者家属已妥善安置」。没有可回复「跳过」。",
  finalCasualtiesPrompt: "最终伤亡情况？如「3死6伤」；与之前相同可回复「跳过」。",

  labelProgress: "进展情况",
  labelCasualtiesNow: "目前伤亡",
  labelNewMeasures: "新采取的措施",
  labelOutcome: "处置结果",
  labelCause: "事件原因",
  labelAftermath: "善后情况",
  labelFinalCasualties: "最终伤亡",
  unchanged: "无变化",

  dueField: "时限",
  dueOnTime: (due: string) => `应于 ${due} 前续报，按时`,
  dueLate: (due: string, late: string) => `应于 ${due} 前续报，迟报 ${late}`,
  supplementedField: "补报",
  stillMissingField: "仍待补",
  nextDueField: "下次续报",

  followUpReceipt: (title: string, number: string) => `已提交${title}（${number}），已送值班室和县领导。`,
  followUpReceiptLate: (late: string) => `本次续报超过时限 ${late}，已记为迟报。`,
  followUpReceiptComplete: "首报缺少的要素已全部补齐。",
  followUpReceiptMissing: (names: string[]) => `仍待补：${names.join("、")}。`,
  nextDue: (due: string) => `下次续报请于 ${due} 前报送。`,
  finalReceipt: (number: string) => `已提交终报（${number}），事件已结案，相关提醒已停止。`,
  alreadyFiled: (what: string, number: string) => `这份${what}已经提交过了（${number}），不会重复报送。`,

  reporterField: "报告人",
  followUpsField: "续报",
  followUps: (count: number) => (count > 0 ? `共 ${count} 次` : "无"),
  durationField: "历时",
  finalNote: "事件已结案，相关提醒和催报已停止。",
  reportedAtField: "报告时间",

  cannotRequest: "只有县领导、有关负责同志和值班员可以要求续报。",
  requestInUnit: (leader: string, number: string) =>
    `【要求续报】${leader}要求报告 ${number} 的最新进展，请尽快续报（回复「续报 ${number}」）。`,
  requestDone: (number: string, unit: string) => `已通知${unit}尽快续报 ${number}。`,
} as const;

/** Stored when a casualty step is skipped: the counts on file stay as they are (and shown so). */
export const NOT_UPDATED = "未更新";
/** Stored when there is nothing new to say (跳过, 无, 没有). */
export const NOTHING_NEW = "无";

/** The words of the commands, as texts quote them (「续报」后写事件编号). */
export const COMMAND_WORDS = {
  followUp: "续报",
  final: "终报",
  request: "要求续报",
} as const;

/** Chinese numerals, as follow-up reports are cited: 续报一 … 续报十一 (read aloud, never digits). */
export const NUMERALS = {
  digits: ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"],
  /** Thousands, hundreds, tens, ones. */
  units: ["千", "百", "十", ""],
  zero: "零",
} as const;

export const reportCardMessages = {
  jobLabel: "发送续报/终报卡片",
  /** `续报一`: how the n-th follow-up report is titled. */
  followUpTitle: (numeral: string) => `续报${numeral}`,
  cardTitle: (what: string, heading: string) => `【${what}】${heading}`,
  final: "终报",
  followUpTyped: (number: string) => `可回复「批示 ${number} 内容」「要求续报 ${number}」。`,
  incidentLabel: "事件",
  thisReportLabel: "本次",
  /** A line of the list when several incidents are open. */
  openLine: (number: string, type: string, location: string, reportedAt: string) =>
    `${number} ${type} ${location}（${reportedAt} 首报）`,
};
