/** Texts of the 督办台账 (.xlsx) and of `台账 督办`. */

export const taskSheetMessages = {
  /** The second word of `台账 督办`. */
  word: "督办",
  summary: "督办台账（Excel）：台账 督办",
  usage: "请写「台账 督办」，督办台账含今年全部事项（在办和已办结），不用加别的字。",
  documentTitle: "督办台账",
  sheetName: "督办台账",
  title: (year: number) => `督办台账（${year}年）`,
  /** `督办台账-2026年.xlsx` */
  fileName: (year: number) => `督办台账-${year}年.xlsx`,
  /** `青山镇（牵头）` */
  unitWithRole: (unit: string, role: string) => `${unit}（${role}）`,
  /** `12-05 10:00 已完成物资清点` */
  progress: (time: string, text: string) => `${time} ${text}`,
  columns: {
    number: "编号",
    content: "交办事项",
    assigner: "交办人",
    assignedAt: "交办时间",
    unit: "责任单位",
    dueAt: "期限",
    status: "状态",
    light: "灯",
    signedAt: "签收时间",
    closedAt: "办结时间",
    extensions: "延期次数",
    progress: "最近反馈",
  },
  note: "每个责任单位一行。期限为该单位现行期限（含已批准的延期）；灯：红灯为已逾期，黄灯为临近期限或申请延期中，绿灯为正常办理，已办结不亮灯。含今年交办的全部事项和往年未办结的事项。",
};
