/**
 * Chinese texts of 督办 (the ledger), 查询 D2026-0001 (the task card and its timeline), and the 督办
 * sections of 日报, 统计 and 通报, in one place for review.
 */

export const taskQueryMessages = {
  ledgerSummary: "督办台账：本单位在办的督办事项（县领导、值班室看全部）；督办 逾期 只看逾期",
  querySummary: "查看督办事项的办理情况和时间线：查询 D2026-0001",
  ledgerUsage: "请发「督办」查看在办事项，或「督办 逾期」只看逾期事项。",

  ledgerTitle: (count: number, overdue: number) => `在办督办事项（${count} 项，逾期 ${overdue} 项）：`,
  ledgerOfUnitTitle: (unit: string, count: number, overdue: number) =>
    `${unit}在办督办事项（${count} 项，逾期 ${overdue} 项）：`,
  overdueTitle: (count: number) => `逾期督办事项（${count} 项）：`,
  overdueOfUnitTitle: (unit: string, count: number) => `${unit}逾期督办事项（${count} 项）：`,
  noneOpen: "目前没有在办的督办事项。",
  noneOpenOfUnit: (unit: string) => `${unit}目前没有在办的督办事项。`,
  noneOverdue: "目前没有逾期的督办事项。",
  noneOverdueOfUnit: (unit: string) => `${unit}目前没有逾期的督办事项。`,
  moreTasks: (count: number) => `另有 ${count} 项未列出，请用「查询 编号」查看。`,
  queryHint: "回复「查询 编号」查看详情和时间线。",
  /** `青山镇（牵头）逾期` */
  partState: (unit: string, role: string, status: string) => `${unit}（${role}）${status}`,
  extendedTo: (due: string) => `延期至 ${due}`,
  deadline: (due: string) => `期限 ${due}`,

  notAllowed: (number: string) =>
    `${number} 没有本单位承办的部分，您没有查看权限。如需了解，请联系交办人或县总值班室。`,
  cardTitle: (heading: string, state: string) => `${heading} · ${state}`,
  taskOpen: "办理中",
  taskClosed: "已办结",
  labels: {
    content: "内容",
    assigner: "交办人",
    assignedAt: "交办时间",
    deadline: "期限",
    closedAt: "办结时间",
    timeline: "时间线",
  },
  unitLabel: (unit: string, role: string) => `${unit}（${role}）`,
  partHead: (icon: string, status: string, due: string) => `${icon}${status} · 期限 ${due}`,
  extensions: (count: number, original: string) => `已延期 ${count} 次（原期限 ${original}）`,
  extensionPending: (due: string, reason: string) => `申请延期至 ${due}${reason ? `：${reason}` : ""}`,
  signedBy: (name: string, at: string) => `签收：${name}（${at}）`,
  unsigned: "未签收",
  lastProgress: (at: string, text: string) => `最新反馈（${at}）：${text}`,
  closeRequested: (at: string, result: string) => `申请办结（${at}）${result ? `：${result}` : ""}`,
  partClosed: (at: string) => `办结：${at}`,
  timelineEmpty: "（暂无记录）",

  digestDueToday: (count: number) => `督办：今日到期（${count} 项）`,
  digestOverdue: (count: number) => `督办：逾期（${count} 项）`,
  digestClosePending: (count: number) => `督办：待确认办结（${count} 项）`,
  digestDueLine: (number: string, unit: string, role: string, due: string, content: string) =>
    `${number} ${unit}（${role}）${due} 前「${content}」`,
  digestOverdueLine: (number: string, unit: string, late: string, due: string, content: string) =>
    `${number} ${unit} 逾期 ${late}（期限 ${due}）「${content}」`,
  digestCloseLine: (number: string, unit: string, at: string, content: string) =>
    `${number} ${unit} ${at} 申请办结「${content}」`,
  more: (count: number) => `另有 ${count} 项未列出`,
  none: "无",

  statisticsLabel: "督办",
  statisticsLine: (
    unit: string,
    s: { assigned: number; onTime: number; overdue: number; extended: number; rate: string },
  ) =>
    `${unit}：交办 ${s.assigned}，按期办结 ${s.onTime}，逾期 ${s.overdue}，延期 ${s.extended}（按期办结率 ${s.rate}）`,
  statisticsNote:
    "督办：交办为期内交办给该单位的事项；按期办结为其中未延期、在原期限前办结的；按期办结率 = 按期办结 ÷ 交办；逾期为期内处于逾期状态的事项；延期为期内交办、获准延期的事项。",
  noticeLabel: "督办逾期",
  noticeLine: (unit: string, count: number, numbers: string) => `${unit}：${count} 项（${numbers}）`,
  moreNumbers: (listed: string, count: number) => `${listed}等 ${count} 项`,
} as const;

/** Words after 督办 that ask for the overdue tasks only (`督办 逾期`). */
export const OVERDUE_WORDS: readonly string[] = ["逾期", "超期", "红灯"];

/** How each step of a task's timeline reads. */
export const TASK_TIMELINE_WORDS = {
  assigned: "交办",
  assignedUnits: (units: string) => `：${units}`,
  assignedDue: (due: string) => `，期限 ${due}`,
  notified: "已送达督办通知",
  signed: "签收",
  progress: "反馈",
  signReminded: "超时未签收，已提醒负责人",
  urged: "临近期限，已催办",
  progressAsked: "催报进展",
  overdue: (round: number | undefined) => (round ? `逾期，发出第 ${round} 次督办通知` : "逾期，发出督办通知"),
  extensionRequested: (due: string | undefined) => (due ? `申请延期至 ${due}` : "申请延期"),
  extensionGranted: (due: string | undefined) => (due ? `同意延期至 ${due}` : "同意延期"),
  extensionRefused: (due: string | undefined) => (due ? `不同意延期至 ${due}` : "不同意延期"),
  closeRequested: "申请办结",
  returned: "退回",
  partClosed: "确认办结",
  closed: "全部办结",
  quoted: (label: string, text: string) => `${label}：${text}`,
} as const;
