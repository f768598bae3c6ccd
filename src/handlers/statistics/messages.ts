/** Chinese texts of 统计 and 通报, in one place for review. */

export const statisticsMessages = {
  monthLabel: (year: number, month: number) => `${year}年${month}月`,
  yearLabel: (year: number) => `${year}年`,
  weekLabel: (week: string, from: string, to: string) => `${week}（${from} 至 ${to}）`,
  thisWeek: "本周",
  lastWeek: "上周",
  overallLabel: "总体",
  unitLabel: "单位",
  /** A list cut short: `青山镇、…等 9 项`. */
  moreItems: (listed: string, count: number) => `${listed}等 ${count} 项`,
  statsSummary: "各单位报送统计：统计 本周 | 本月 | 上月 | 2026-03 | 今年",
  noticeSummary: "迟报、漏报情况通报：通报 2026-10（不写月份为上月）",

  badPeriod:
    "没看懂要统计哪段时间。请写「统计 本周」「统计 本月」「统计 上月」「统计 2026-03」或「统计 今年」。",
  futurePeriod: "这段时间还没到，没有可统计的数据。",
  badMonth: "请写要通报的月份，例如「通报 2026-10」；不写月份则通报上个月。",
  futureMonth: "这个月还没到，不能通报。",

  statsTitle: (period: string) => `报送统计 · ${period}`,
  statsOfUnitTitle: (unit: string, period: string) => `${unit}报送统计 · ${period}`,
  total: "合计",
  noUnits: "无",
  unitLine: (p: { incidents: string; missedFollowUps: number; daily: string }) =>
    `首报 ${p.incidents}；漏报续报 ${p.missedFollowUps} 次；零报告 ${p.daily}`,
  incidentsNone: "0 起",
  incidents: (count: number, onTime: number, rate: string, delay: string | null) =>
    `${count} 起，按时 ${onTime} 起（按时率 ${rate}）${delay ? `，迟报平均 ${delay}` : ""}`,
  dailyNone: "无应报记录",
  daily: (owed: number, onTime: number, late: number, missed: number, rate: string) =>
    `应报 ${owed} 天，按时 ${onTime}、迟报 ${late}、漏报 ${missed}（按时率 ${rate}）`,
  statsNote: "按时率：首报为按时首报数 ÷ 首报数，零报告为按时天数 ÷ 应报天数；迟报平均只计迟报的首报。",
  chartTitle: "各单位按时率",
  seriesIncidents: "首报按时率",
  seriesDaily: "零报告按时率",

  noticeTitle: (period: string) => `关于${period}信息报送情况的通报`,
  noticeLate: "迟报",
  noticeMissed: "漏报",
  noticeOnTime: "按时报送单位",
  noticeNone: "无",
  noticeLateIncidents: (count: number, list: string) => `首报迟报 ${count} 起（${list}）`,
  noticeLateDaily: (count: number, days: string) => `零报告迟报 ${count} 次（${days}）`,
  noticeMissedFollowUps: (count: number, list: string) => `漏报续报 ${count} 次（${list}）`,
  noticeMissedDaily: (count: number, days: string) => `零报告漏报 ${count} 次（${days}）`,
  noticeLateBy: (number: string, late: string) => `${number} 迟 ${late}`,
  noticeSummaryLine: (late: number, missed: number) => `本月共迟报 ${late} 次、漏报 ${missed} 次。`,
  noticeNoRecords: "本月没有报送记录：没有突发事件上报，也没有应报的零报告，无迟报、漏报可通报。",
  noticeNote: "请迟报、漏报单位认真查找原因、落实整改，确保信息报送及时、准确、完整。",
  noticeChartTitle: "各单位迟报、漏报次数",
  seriesLate: "迟报",
  seriesMissed: "漏报",

  /** The duty desk's charts. */
  perDayTitle: (days: number) => `近 ${days} 天每日事件数（按等级）`,
  perDayOfUnitTitle: (unit: string, days: number) => `${unit}近 ${days} 天每日事件数（按等级）`,
  onTimeTitle: (period: string) => `各单位按时率 · ${period}`,
  onTimeOfUnitTitle: (unit: string, period: string) => `${unit}按时率 · ${period}`,

  sheetSummary: "各单位报送统计表（Excel）：统计表 本月 | 上月 | 2026年11月 | 今年",
  sheetDocumentTitle: "报送统计表",
  sheetParamLabel: "统计时段",
  sheetParamExample: "2026年11月",
  sheetName: "统计",
  sheetTitle: (period: string) => `报送统计表（${period}）`,
  /** `统计-2026年11月.xlsx` */
  sheetFileName: (period: string) => `统计-${period.replace(/\s+/g, "")}.xlsx`,
  sheetColumns: {
    unit: "单位",
    incidents: "首报（起）",
    onTime: "首报按时",
    late: "首报迟报",
    onTimeRate: "首报按时率",
    averageDelay: "迟报平均",
    missedFollowUps: "漏报续报",
    dailyOwed: "零报告应报（天）",
    dailyOnTime: "零报告按时",
    dailyLate: "零报告迟报",
    dailyMissed: "零报告漏报",
    dailyRate: "零报告按时率",
    lateTotal: "迟报合计",
    missedTotal: "漏报合计",
    tasksAssigned: "督办交办",
    tasksOnTime: "督办按期办结",
    tasksOverdue: "督办逾期",
    tasksExtended: "督办延期",
    tasksRate: "按期办结率",
    opinions: "舆情（件）",
    opinionsVerified: "舆情已核实",
    opinionsVerifiedOnTime: "核实按时",
    opinionsResponded: "舆情已回应",
    opinionsRespondedOnTime: "回应按时",
  },
} as const;

/** The 月度通报 (.docx) and the `通报文件` command that sends it. */
export const noticeDocumentMessages = {
  documentTitle: "月度通报",
  kind: "情况通报",
  paramMonth: "月份",
  /** `关于2026年11月突发事件信息报送情况的通报` */
  title: (period: string) => `关于${period}突发事件信息报送情况的通报`,
  fileName: (month: string) => `月度通报-${month}.docx`,
  opening: (period: string) => `现将${period}全县突发事件信息报送情况通报如下。`,
  /** Section headings, numbered in order. */
  section: (index: string, label: string) => `${index}、${label}情况`,
  sectionNumbers: ["一", "二", "三", "四", "五", "六", "七", "八"],
  tableHeading: "附：各单位迟报、漏报明细",
  columns: ["单位", "迟报", "漏报"],
  none: "无",
  commandSummary: "通报文件 2026年11月：把该月的迟报、漏报通报（Word 文件）单独发给您（不写月份为上月）",
  badMonth: "请写要通报的月份，例如「通报文件 2026年11月」；不写月份则为上个月。",
  badMonthParam: "月份应写成 2026-11。",
  notAllowed: "月度通报只提供给县领导、值班员和管理员。",
  caption: (period: string) => `${period}信息报送情况通报，请修改审核后印发。`,
};
