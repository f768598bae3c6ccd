/** The words every spreadsheet the office files shares: the line under the title, 合计, who may have one. */

export const ledgerSheetMessages = {
  /** The font the sheets are set in (Word and WPS both have it). */
  font: "宋体",
  /** The line under the title: `制表单位：县总值班室　　制表时间：2026-12-07 09:00`. */
  madeBy: (unit: string, time: string) => `制表单位：${unit}　　制表时间：${time}`,
  total: "合计",
  /** Where there is nothing to count (a rate without reports). */
  none: "—",
  yes: "是",
  no: "否",
  notAllowed: "统计表和台账只发给县领导、值班员和管理员。如需查看本单位情况，请发「统计」或「督办」。",
  /** The caption of a spreadsheet sent one-to-one: `督办台账（2026-12-07 09:00 制表）`. */
  caption: (title: string, time: string) => `${title}（${time} 制表）`,
};
