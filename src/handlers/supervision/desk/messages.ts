/** The duty desk's 督办 texts: the panel, a task's page, its actions and the on-time chart. */
import { supervisionMessages as S } from "../messages.ts";

export const taskDeskMessages = {
  panelTitle: "督办事项",
  columns: { light: "亮灯", number: "编号", content: "内容", units: "承办单位", deadline: "期限" },
  noneOpen: "目前没有在办的督办事项。",
  noneOpenOfUnit: (unit: string) => `${unit}目前没有在办的督办事项。`,

  pageTitle: (number: string, content: string) => `${number} ${content}`,
  sections: { facts: "事项", parts: "各单位办理情况", timeline: "时间线" },
  facts: {
    number: "编号",
    content: "内容",
    assigner: "交办人",
    assignedAt: "交办时间",
    deadline: "期限",
    state: "状态",
    closedAt: "办结时间",
  },
  partColumns: {
    unit: "单位",
    state: "状态",
    deadline: "期限",
    signed: "签收",
    progress: "最新反馈",
    request: "待办申请",
  },
  extensionAsked: (due: string, reason: string) => `申请延期至 ${due}${reason ? `：${reason}` : ""}`,
  closeAsked: (result: string) => `申请办结${result ? `：${result}` : ""}`,
  none: "—",

  /** Action labels with the unit when several units wait. */
  actionLabel: (label: string, unit: string) => `${label}（${unit}）`,
  /** The typed forms the desk sends (`{text}` is what the viewer typed). */
  say: {
    progress: (number: string) => `${S.buttons.progress} ${number} {text}`,
    return: (number: string, unit: string) => `${S.buttons.return} ${number} ${unit} {text}`,
  },
  ask: {
    progress: { label: "反馈内容", placeholder: "已完成摸底，正在汇总" },
    return: { label: "退回理由", placeholder: "数据不全，请补充" },
  },
  ledgerDocument: "督办台账",

  chartTitle: (month: number) => `督办按期办结率（${month}月，按单位）`,
  chartSeries: "按期办结率",
} as const;
