/** Chinese texts of the digest (日报), in one place for review. */

export const digestMessages = {
  summary: "信息汇总：新增事件、处置中事件、迟报漏报、未确认批示、零报告和暂停的提醒",
  title: (at: string) => `信息汇总 · ${at}`,
  none: "无",

  newIncidents: (since: string) => `新增事件（${since} 以来）`,
  newCount: (count: number, byGrade: string) => `共 ${count} 起：${byGrade}`,
  gradeCount: (grade: string, count: number) => `${grade} ${count} 起`,
  openIncidents: (count: number) => `处置中事件（${count} 起）`,
  lateAndMissed: "迟报漏报",
  instructions: (count: number) => `未确认批示（${count} 条）`,
  dailyReports: "零报告",
  pauses: "暂停的提醒",
  more: (count: number) => `另有 ${count} 项未列出`,

  late: "迟报",
  waitAck: "待已阅",
  waitElements: (names: string) => `待补：${names}`,
  waitReceipts: (names: string) => `待收到批示：${names}`,
  followUpBy: (due: string) => `续报 ${due} 前`,
  followUpOverdue: (due: string) => `续报已超时（应于 ${due} 前）`,
  nothingPending: "无待办",

  instructionLine: (number: string, leader: string, at: string, text: string, waiting: string) =>
    `${number} ${leader}批示（${at}）「${text}」：待 ${waiting} 收到`,
  dailyDay: (day: string, onTime: number, late: string, missed: string) =>
    `${day}：按时 ${onTime} 个单位；迟报 ${late}；漏报 ${missed}`,
  pauseLine: (chat: string, by: string, until: string) => `${chat}：${by}暂停，至 ${until}`,

  chartTitle: "近 7 天新增事件",
  chartSeries: "事件数",
} as const;
