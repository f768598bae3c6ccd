/** Chinese texts of the incident capability, in one place for review. */
import type { Element } from "../../config/incident-policy.ts";

export const ELEMENT_NAMES: Record<Element, string> = {
  occurred_at: "事发时间",
  location: "地点",
  summary: "基本情况",
  casualties: "伤亡情况",
  measures: "已采取措施",
  contact: "现场负责人及电话",
};

export const incidentMessages = {
  notConfigured:
    "本单位还没有配置报送规则（policy.yaml 的 grades、escalation、types），暂时不能上报。请联系管理员。",
  reportSummary: "上报突发事件（首报），可直接附一段文字：上报 今天14时20分，……",
  dialogTitle: "突发事件首报",
  confirmLabel: "确认上报",
  typePrompt: "请选择事件类型：",
  timePrompt: "事发时间？例如 14:20、今天下午2点20、半小时前。",
  timeHelp: "写得出的都可以：14:20、14时20分、今天下午2点20、昨天晚上8点、刚才、半小时前。",
  timeInFuture: "事发时间晚于现在，请检查后重新输入。",
  timeTooOld: (when: string) =>
    `事发时间是 ${when}，时间较久。如确认无误，请在时间前加「确认」，例如「确认 ${when}」。`,
  locationPrompt: "事发地点？请尽量具体，例如「青山镇李家村村道」。",
  locationInvalid: "地点不能为空，请写具体一些，例如「青山镇李家村村道」。",
  summaryPrompt: "发生了什么？请简要说明事件经过。",
  summaryInvalid: "请用一两句话说明发生了什么（至少 4 个字）。",
  casualtiesPrompt: "人员伤亡情况？例如「2死3伤」「1人失联」，没有请回复「无」。",
  gradePrompt: (suggested: string | undefined) =>
    suggested ? `事件等级（初判）？按伤亡情况建议为「${suggested}」，可另选。` : "事件等级（初判）？",
  suggestedMark: "（建议）",
  suggestedByCasualties: "（按伤亡建议）",
  suggestionChanged: (grade: string) => `（伤亡已修改，现建议「${grade}」，可点「修改」调整）`,
  timeNotTaken: (when: string) => `${when} 晚于现在，未采用`,
  measuresPrompt: "已采取哪些措施？例如「镇长已带队赶赴现场，伤员已送医」。",
  contactPrompt: "现场负责人姓名和电话？例如「钱镇长 13800000042」。",
  contactInvalid: "请写姓名和 11 位手机号（或座机），例如「钱镇长 13800000042」。",
  formTitle: "快速上报（一页填完）",
  formNote:
    "在这里一次填完点「提交」，核对后再确认上报；也可以按下面的提示逐步回答。不清楚的项可留空或写「不清楚」。",
  formSubmit: "提交",
  formTimePlaceholder: "例如 14:20、今天下午2点20、半小时前",
  formLocationPlaceholder: "例如 青山镇李家村村道",
  formSummaryPlaceholder: "简要说明事件经过",
  formCasualtiesPlaceholder: "例如 2死3伤、1人失联，没有写「无」",
  formMeasuresPlaceholder: "例如 镇长已带队赶赴现场，伤员已送医",
  formContactNameLabel: "现场负责人",
  formContactNamePlaceholder: "姓名或职务，例如 钱镇长",
  formContactPhoneLabel: "联系电话",
  formContactPhonePlaceholder: "手机或座机",
  understood: "已从您的描述中识别出以下内容",
  understoodNote: (missing: string[]) =>
    missing.length > 0
      ? `接下来请补充：${missing.join("、")}。识别有误可在最后核对时「修改」。`
      : "请核对后确认上报。",
  nothingUnderstood: "没有从这段文字中识别出时间、地点或伤亡等内容，下面逐项询问。",
  timingField: "时限",
  onTime: (due: string) => `应于 ${due} 前首报，现在报送未超时`,
  lateLabel: (late: string) => `迟报 ${late}`,
  missingLabel: (names: string[]) => `待补：${names.join("、")}`,
  receipt: (number: string) => `已上报，编号 ${number}。已通知值班室和县领导。`,
  receiptLate: (late: string) => `本次首报超过时限 ${late}，已记为迟报。`,
  receiptMissing: (names: string[]) => `待补：${names.join("、")}，请尽快补报（回复「续报 编号」补充）。`,
  unknownChat: "请在本单位工作群或与我的私聊中上报。",
};

export const alertMessages = {
  ackSummary: "阅知事件提醒，停止逐级催报：已阅 2026-0042",
  escalationTitle: (levelIndex: number, number: string, again: boolean) =>
    `【未阅·第 ${levelIndex + 1} 级提醒${again ? "（再次）" : ""}】${number}`,
  escalationNote: (minutes: string) => `提醒发出已 ${minutes} 无人“已阅”，请立即阅处。`,
  /** To the reporting unit's own people (they may not 已阅 their unit's report). */
  escalationNoteOwnUnit: (minutes: string, number: string) =>
    `本单位上报的事件，提醒发出已 ${minutes} 尚无领导“已阅”。请跟进处置进展，督促及时续报（回复「续报 ${number}」）。`,
  /** To those the policy does not let 已阅 (a duty officer at an escalation level). */
  escalationNotePassOn: (minutes: string) => `提醒发出已 ${minutes} 无人“已阅”，请尽快联系领导阅处。`,
  acknowledged: (number: string, name: string, at: string) => `${number} 已由${name}于 ${at} 阅，停止提醒。`,
  /** On the alert card once acknowledged (platforms that edit cards in place). */
  acknowledgedField: (name: string, at: string) => `${name}（${at}）`,
  acknowledgedUnit: (number: string, name: string) => `${name}已阅本单位上报的 ${number}。`,
  alreadyAcknowledged: (number: string, name: string, at: string) => `${number} 已由${name}于 ${at} 阅过。`,
  cannotAcknowledge: "只有县领导和有关负责同志可以“已阅”，您的角色不能操作。",
  ownUnit: "本单位上报的事件不能由本单位人员“已阅”。",
  closed: (number: string) => `${number} 已终报结案，不需要再操作。`,
  unknownIncident: (text: string) => `没有找到编号为「${text}」的事件，请核对编号（例如 2026-0042）。`,
  needNumber: (command: string) => `请在「${command}」后写事件编号，例如「${command} 2026-0042」。`,
  writtenReporter: (number: string, missing: string, due: string) =>
    `${number} 还缺：${missing}。书面报告时限 ${due}，请尽快补报（回复「续报 ${number}」）。`,
  writtenDirector: (number: string, missing: string, due: string) =>
    `请督促报送：${number} 还缺 ${missing}，书面报告时限 ${due}。`,
  writtenOverdue: (number: string, unit: string, missing: string) =>
    `【超时未报齐】${unit}上报的 ${number} 已过书面报告时限，仍缺：${missing}。`,
  followUpMissedUnit: (number: string, due: string) =>
    `【漏报】${number} 应于 ${due} 前续报，至今未收到，请立即续报（回复「续报 ${number}」）。`,
  followUpMissedDuty: (number: string, unit: string, due: string) =>
    `【漏报】${unit}的 ${number} 应于 ${due} 前续报，至今未收到，已提醒该单位。`,
  renotify: (number: string, after: string) => `${number} 已阅 ${after}，尚无批示和续报，请关注处置进展。`,
};

/** `【较大】事故灾难 · 青山镇` and `2026-0042 · 青山镇 较大事故灾难`: how an incident is named in one line. */
export const headingMessages = {
  heading: (grade: string, type: string, unit: string) => `【${grade}】${type} · ${unit}`,
  numbered: (number: string, unit: string, grade: string, type: string) =>
    `${number} · ${unit} ${grade}${type}`,
};

/** Field labels of the incident cards (alert, escalation, 查询, the first report's receipt). */
export const CARD_LABELS = {
  number: "编号",
  grade: "等级",
  type: "类型",
  unit: "单位",
  location: "地点",
  occurredAt: "事发时间",
  casualties: "伤亡",
  summary: "基本情况",
  measures: "已采取措施",
  contact: "现场负责人",
  reporter: "报告人",
  reportedAt: "报告时间",
  flags: "标记",
  status: "状态",
  acknowledged: "已阅",
  followUps: "续报",
  missing: "待补",
  reads: "已读",
  timeline: "时间线",
  incident: "事件",
} as const;

/** What a card shows for an element nobody has reported yet. */
export const NOT_YET_REPORTED = "待补";

export const cardMessages = {
  ackButton: "已阅",
  instructButton: "批示",
  followUpButton: "要求续报",
  missedFollowUps: (count: number) => `漏报续报 ${count} 次`,
  typedReplies: (number: string) => `可回复「已阅 ${number}」「批示 ${number} 内容」。`,
};

/** The words of the commands, as texts quote them (「已阅」后写事件编号). */
export const COMMAND_WORDS = {
  acknowledge: "已阅",
  query: "查询",
} as const;

/** How casualties read on cards and summaries. */
export const casualtyMessages = {
  unknown: "不清楚",
  none: "无人员伤亡",
  /** Words without numbers: what was written, and that the numbers are still to come. */
  uncounted: (words: string) => `${words}（人数待报）`,
  withWords: (counts: string, words: string) => `${counts}（原话：${words}）`,
  deaths: (n: number) => `死亡 ${n} 人`,
  injured: (n: number) => `受伤 ${n} 人`,
  missing: (n: number) => `失联 ${n} 人`,
};

/** The first report's steps, as the summary card labels them. */
export const FIRST_REPORT_LABELS = {
  type: "事件类型",
  occurredAt: "事发时间",
  location: "地点",
  summary: "基本情况",
  casualties: "伤亡情况",
  grade: "事件等级",
  measures: "已采取措施",
  contact: "现场负责人",
} as const;

/** What the duty officer reads when one of these jobs keeps failing. */
export const JOB_LABELS = {
  alert: "向领导发送事件快报",
  ackCheck: "未确认时逐级提醒领导",
  followUpCheck: "续报到期检查",
  renotify: "已阅后再次提醒",
  written: "书面报告要素催报",
} as const;

/** How each step of an incident's timeline reads (查询, the desk's incident page), in the words offices use. */
export const TIMELINE_WORDS = {
  reported: "上报",
  alerted: "提醒",
  urgent: "（加急）",
  escalated: (level: number) => `逐级提醒（第 ${level} 级）`,
  acknowledged: "已阅",
  renotified: "再次提醒",
  followUpRequested: "要求续报",
  instructed: "批示",
  confirmed: "收到",
  chased: "催办",
  final: "终报",
  closed: "结案",
  late: (late: string) => `迟报 ${late}`,
  incomplete: (names: string) => `待补：${names}`,
  overdue: (names: string) => `超时未报齐：${names}`,
  missed: (due: string | undefined) => (due ? `漏报续报（应于 ${due} 前）` : "漏报续报"),
  remindReporter: "提醒补报",
  remindDirector: "督促补报",
  remindLeader: "告知批示未收到情况",
  reminded: "提醒",
  lateSuffix: (late: string) => `（迟报 ${late}）`,
  /** A list of names cut short: `吴主任、钱镇长等 6 人`. */
  moreNames: (listed: string, count: number) => `${listed}等 ${count} 人`,
} as const;

/** The duty desk's incidents panel and incident page. */
export const INCIDENT_DESK = {
  panelTitle: "在办事件",
  columns: ["等级", "事件", "单位", "已发生", "下一时限", "提醒", "已阅", "已读", "批示"],
  empty: "目前没有在办事件。",
  deadline: { written: "书面", follow_up: "续报" },
  deadlineAt: (label: string, at: string) => `${label} ${at}`,
  none: "—",
  since: (duration: string) => `已 ${duration}`,
  level: (n: number) => `第${n}级`,
  notAlerted: "未提醒",
  acknowledgedBy: (name: string) => `${name} 已阅`,
  notAcknowledged: "未阅",
  reads: (read: number, total: number) => `已读 ${read}/${total}`,
  receipts: (confirmed: number, total: number) => `批示 ${confirmed}/${total} 已收到`,
  instructedNoReceipt: "已批示",
  notInstructed: "未批示",
  /** `2026-0042 两车相撞，一车侧翻`: a short title, cut at this many characters. */
  titleLength: 16,
  more: "…",

  overview: "概况",
  firstReportedAt: "首报时间",
  nextDeadline: "下一时限",
  statusOpen: "处置中",
  statusClosed: "已终报",
  firstReport: "首报",
  laterPhotos: "其后补充的现场图片",
  timeline: "时间线",
  instructions: "批示",
  instructionTitle: (leader: string, at: string) => `${leader} · ${at}`,
  receiptColumns: ["接收人", "状态"],
  received: (at: string) => `已收到 ${at}`,
  notReceived: "未收到",
  noReceipts: "无需回复",
  convert: "转督办",
  askInstruction: "批示内容",
  askInstructionPlaceholder: "例如：请全力救治伤员，及时续报进展。",
  documentLabel: "下载信息专报",
} as const;

/** The 信息专报 (.docx) of an incident, and the `专报` command that sends it. */
export const incidentReportMessages = {
  documentTitle: "信息专报",
  kind: "值班信息专报",
  /** `关于青山镇石门村事故灾难的信息专报` */
  title: (place: string, type: string) => `关于${place}${type}的信息专报`,
  fileName: (number: string) => `信息专报-${number}.docx`,
  paramIncident: "事件",
  basics: "一、事件基本情况",
  casualties: "二、伤亡情况",
  measures: "三、已采取措施",
  nextSteps: "四、下一步工作",
  /** The first report's paragraph. */
  happened: (when: string, place: string, type: string, grade: string) =>
    `${when}，${place}发生一起${type}（${grade}）。`,
  whenUnknown: "事发时间待核实",
  learned: (when: string, unit: string, reporter: string, number: string) =>
    `${when}，接${unit}${reporter}报告（事件编号 ${number}）。`,
  summaryPending: "基本情况待续报。",
  /** `续报一（12月3日15时30分）：…` */
  report: (title: string, when: string, text: string) => `${title}（${when}）：${text}`,
  measuresPending: "已采取措施待续报。",
  finalOutcome: (text: string) => `处置结果：${text}`,
  finalCause: (text: string) => `事件原因：${text}`,
  finalAftermath: (text: string) => `善后工作：${text}`,
  nextStepsBlank: "（请值班员填写下一步工作安排。）",
  /** `报送单位：青山镇` and so on at the end. */
  reportingUnit: (unit: string) => `报送单位：${unit}`,
  contact: (who: string) => `联系人：${who}`,
  phone: (phone: string) => `联系电话：${phone}`,
  commandSummary: "专报 2026-0042：把该事件的信息专报（Word 文件）单独发给您",
  usage: "请写明事件编号，例如：专报 2026-0042",
  notYours: (number: string) =>
    `您没有 ${number} 的信息专报权限：专报只提供给县领导、值班员、管理员和事发单位负责人。`,
  caption: (number: string, issue: string) => `${number} 的信息专报（${issue}），请修改审核后报送。`,
  badIncident: "事件编号应为数据库中的事件 id。",
};
