/** What the daily capability says (Chinese, short): the morning reminder and pausing it, and the zero reports (零报告). */
import { formatDayZh } from "../office/time-format.ts";

export const reminderMessages = {
  pauseSummary: "提醒 暂停 3天 / 提醒 恢复 — 单位负责人暂停或恢复本群的每日提醒",
  /** Problems in schedules.yaml, shown when the configuration is checked. */
  unknownJob: (id: string, job: string) => `提醒「${id}」的任务「${job}」不存在，请检查任务名称`,
  idTaken: (id: string) => `提醒 id「${id}」已被零报告（zero_report）使用，请换一个`,
  /** `duty`, `leaders`: the names the roster gives today; undefined when it names nobody. */
  morning(
    day: string,
    duty: string[] | undefined,
    leaders: string[] | undefined,
    zeroReport?: { by: string; bot: string },
  ) {
    const lines = [`【今日提醒】${formatDayZh(day)}`];
    if (duty === undefined && leaders === undefined) lines.push("今日值班表未登记，请值班室及时补充。");
    else {
      lines.push(`值班员：${duty ? duty.join("、") : "未安排，请值班室及时补充"}`);
      lines.push(`带班领导：${leaders ? leaders.join("、") : "未安排"}`);
    }
    if (zeroReport)
      lines.push(
        `请各单位在 ${zeroReport.by} 前报送今日零报告（发送「@${zeroReport.bot} 零报告」，无事也要报），有突发事件请直接上报。`,
      );
    return lines.join("\n");
  },
  pauseUsage: "用法：「提醒 暂停 3天」（1小时至30天，如 12小时、1周），或「提醒 恢复」。",
  pauseOnlyDirector: "只有单位负责人可以暂停或恢复本群的提醒。",
  pauseOnlyInGroup: "请在要暂停提醒的群里发送这条命令。",
  paused: (until: string) => `已暂停本群的每日提醒，到 ${until} 自动恢复。提前恢复请发「提醒 恢复」。`,
  resumed: "已恢复本群的每日提醒。",
  notPaused: "本群的提醒没有暂停，无需恢复。",
};

/** How many unit names a list shows before "等 N 个单位". */
const LIST_LIMIT = 50;

function unitList(names: string[]): string {
  return names.length <= LIST_LIMIT
    ? names.join("、")
    : `${names.slice(0, LIST_LIMIT).join("、")} 等 ${names.length} 个单位`;
}

export const dailyReportMessages = {
  commandSummary: "零报告（或 无）— 信息员报送本单位今日零报告",
  /** Who 报 the day when an incident report counted as the unit's report. */
  byIncidentReport: "事件上报",
  recorded: (unit: string, day: string) => `已收到${unit}${formatDayZh(day)}的零报告，谢谢。`,
  recordedLate: (unit: string, day: string, cutoff: string) =>
    `已收到${unit}${formatDayZh(day)}的零报告。已过 ${cutoff} 截止时间，记为迟报。`,
  alreadyReported: (unit: string, time: string, who: string) =>
    `${unit}今天已报过零报告（${time}，${who}），无需重复报送。`,
  notOwed: "你所在单位不需要报送零报告。",
  notToday: "今天不是需要报送零报告的日子，无需报送。",
  notReporter: "零报告请由本单位信息员或负责人报送。",
  wrongChat: "请在本单位工作群或与我的私聊中报送零报告。",
  lateToDuty: (unit: string, day: string) =>
    `【零报告补报】${unit}补报了${formatDayZh(day)}的零报告（迟报）。`,
  remind: (day: string, cutoff: string, bot: string) =>
    `【零报告提醒】本单位${formatDayZh(day)}的零报告还未报送，请在 ${cutoff} 前发送「@${bot} 零报告」；有突发事件请直接上报。`,
  missedToUnit: (day: string, cutoff: string, bot: string) =>
    `【漏报】本单位${formatDayZh(day)}的零报告在 ${cutoff} 截止时仍未报送，已记为漏报。请尽快发送「@${bot} 零报告」补报。`,
  /** Today's 值班员 who are not in the duty group (a mention would not reach them). */
  dutyNotHere: (names: string[]) => `今日值班员${names.join("、")}不在本群，请转告。`,
  cutoffSummary(day: string, cutoff: string, owed: number, missing: string[]) {
    const head = `【零报告汇总】${formatDayZh(day)} ${cutoff} 截止：应报 ${owed} 个单位，已报 ${owed - missing.length} 个。`;
    return missing.length === 0
      ? `${head}\n漏报：无`
      : `${head}\n漏报（${missing.length}）：${unitList(missing)}\n已记为漏报，并再次提醒。`;
  },
};

/** The 零报告台账 (.xlsx) and the `台账` word the daily round answers. */
export const ledgerSheetMessages = {
  /** The second word of `台账 零报告`. */
  zeroReportWord: "零报告",
  ledgerSummary: "零报告台账（Excel）：台账 零报告 [2026年12月]",
  usage:
    "请写要哪一本台账：「台账 零报告」（可加月份，如「台账 零报告 2026年12月」）、「台账 督办」或「台账 舆情」。",
  badMonth: "没看懂是哪个月。请写「台账 零报告」（本月）、「台账 零报告 上月」或「台账 零报告 2026年12月」。",
  futureMonth: "这个月还没到，没有零报告记录。",
  noRule: "本县没有设置零报告（schedules.yaml 的 zero_report），没有零报告台账。",
  documentTitle: "零报告台账",
  monthLabel: "月份",
  sheetName: "零报告",
  title: (month: string) => `零报告台账（${month}）`,
  /** `零报告台账-2026年12月.xlsx` */
  fileName: (month: string) => `零报告台账-${month}.xlsx`,
  unit: "单位",
  /** A day's column: `1日` over its weekday `周二`. */
  dayHeader: (date: number, weekday: number) =>
    `${date}日\n周${["日", "一", "二", "三", "四", "五", "六"][weekday]}`,
  lateCount: "迟报（次）",
  missedCount: "漏报（次）",
  onTime: (time: string) => `已报 ${time}`,
  onTimeUnknown: "已报",
  late: (time: string) => `迟报 ${time}`,
  lateUnknown: "迟报",
  missed: "漏报",
  rest: "休",
  note: "已报：截止前报送（含当日上报突发事件），后附报送时间；迟报：截止后补报；漏报：截止时未报；休：按规定当日无需报送；空白：尚未到截止时间。",
};

/** The duty desk's 零报告 panel: today's units × state. */
export const dailyDeskMessages = {
  panelTitle: (cutoff: string) => `今日零报告（${cutoff} 截止）`,
  /** A unit's state, as the legend and each tile name it. */
  state: { on_time: "已报", late: "迟报", missed: "漏报", pending: "未到截止" },
  /** A tile: the unit, with the time it reported when it has. */
  tile: (unit: string, time?: string) => (time ? `${unit} ${time}` : unit),
  notToday: "今天不是需要报送零报告的日子。",
};
