/** The words office facts are written in (Chinese): days, weekdays and durations. */
export const officeMessages = {
  /** `12月1日（星期二）`; `weekday` 0 is Sunday. */
  dayZh: (month: number, date: number, weekday: number) =>
    `${month}月${date}日（星期${["日", "一", "二", "三", "四", "五", "六"][weekday]}）`,
  underAMinute: "不到 1 分钟",
  days: (n: number) => `${n} 天`,
  hours: (n: number) => `${n} 小时`,
  minutes: (n: number) => `${n} 分钟`,
  /** A deadline: `12月10日 18:00`. */
  deadline: (month: number, day: number, clock: string) => `${month}月${day}日 ${clock}`,
};
