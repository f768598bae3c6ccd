/** What the reminders capability says (Chinese, short). */
import { formatDayZh } from "./rules/local-day.ts";

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
