/** Chinese texts of 查询, 进行中 and 我的上报, in one place for review. */

export const queryMessages = {
  querySummary: "查看事件的状态和时间线：查询 2026-0042",
  openSummary: "查看处置中的事件",
  mineSummary: "查看我上报过的事件（最近 10 起）",

  notAllowed: (number: string) =>
    `${number} 不是本单位上报的事件，您没有查看权限。如需了解，请联系县总值班室。`,

  statusOpen: "处置中",
  statusClosed: "已终报",
  statusClosedAt: (at: string) => `已终报（${at} 结案）`,
  notAcknowledged: "未阅",
  acknowledgedBy: (name: string, at: string) => `${name}（${at}）`,
  none: "无",
  followUps: (count: number) => (count > 0 ? `共 ${count} 次` : "尚无"),
  followUpsNext: (count: number, due: string) =>
    `${count > 0 ? `共 ${count} 次` : "尚无"}，下次应于 ${due} 前`,
  timelineEmpty: "（暂无记录）",
  readAlert: "提醒",
  readInstruction: "批示",
  readLine: (what: string, chat: string, read: number, total: number) =>
    `${what} · ${chat}：已读 ${read}/${total}`,

  openTitle: (count: number) => `处置中的事件（${count} 起）：`,
  openOfUnitTitle: (unit: string, count: number) => `${unit}处置中的事件（${count} 起）：`,
  noneOpen: "目前没有处置中的事件。",
  noneOpenOfUnit: (unit: string) => `${unit}目前没有处置中的事件。`,
  moreOpen: (count: number) => `另有 ${count} 起未列出，请用「查询 编号」查看。`,
  age: (duration: string) => `已 ${duration}`,
  followUpCount: (count: number) => `续报 ${count} 次`,

  mineTitle: (count: number) => `您上报的事件（最近 ${count} 起）：`,
  noneMine: "您还没有上报过事件。上报请发「上报」。",
  queryHint: "回复「查询 编号」查看详情和时间线。",
} as const;

/** Short labels of an incident in a one-line list. */
export const FLAG_WORDS = {
  late: "迟报",
  incomplete: "待补",
  missed: "漏报",
  unacknowledged: "未阅",
} as const;
