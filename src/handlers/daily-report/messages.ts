/** What the daily-report (零报告) capability says (Chinese, short). */
import { formatDayZh } from "../reminders/rules/local-day.ts";

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
