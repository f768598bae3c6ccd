/** Texts of the 舆情台账 (.xlsx) and of `台账 舆情`. */

export const opinionSheetMessages = {
  /** The second word of `台账 舆情`. */
  word: "舆情",
  summary: "舆情台账（Excel）：台账 舆情",
  usage: "请写「台账 舆情」，舆情台账含今年全部舆情（在办和已办结），不用加别的字。",
  documentTitle: "舆情台账",
  sheetName: "舆情台账",
  title: (year: number) => `舆情台账（${year}年）`,
  /** `舆情台账-2026年.xlsx` */
  fileName: (year: number) => `舆情台账-${year}年.xlsx`,
  onTime: "按时",
  late: "超时",
  /** A 口径 not approved yet. */
  draftPending: (text: string) => `（待审核）${text}`,
  columns: {
    number: "编号",
    source: "来源",
    link: "链接",
    content: "内容摘要",
    unit: "责任单位",
    level: "级别",
    foundAt: "发现时间",
    verifyDue: "核实时限",
    verifiedAt: "核实时间",
    verifyOnTime: "核实按时",
    respondDue: "回应时限",
    respondedAt: "回应时间",
    respondOnTime: "回应按时",
    wording: "口径",
    step: "状态",
  },
  note: "含今年登记的全部舆情和往年未办结的舆情。按时：在时限前完成为按时，完成晚于时限或时限已过仍未完成为超时；空白为尚未到时限。",
};
