/** The desk's own texts (the roster panel). */
export const deskMessages = {
  rosterTitle: "今日值班",
  rosterColumns: ["岗位", "姓名", "单位", "职务", "电话"],
  duty: "值班员",
  leader: "带班领导",
  rosterEmpty: "今天没有排值班人员，请在值班表中安排。",
  none: "—",
} as const;
