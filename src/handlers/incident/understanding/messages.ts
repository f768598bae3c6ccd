/**
 * What the understanding rules say to a person when they cannot read a reply. Kept together so the
 * wording can be reviewed in one place; each text says which forms are understood.
 */
export const understandingMessages = {
  timeEmpty: "请写事发时间，例如：14时20分、下午2点20、昨天晚上8点、3月2日14时20分、半小时前、刚才。",
  timeNotUnderstood:
    "没看懂这个时间。可以这样写：14:20、14时20分、下午2点20、凌晨3点、昨天晚上8点、" +
    "3月2日14时20分、2026-03-02 14:20、周一上午9点、半小时前、10分钟前、刚才、现在。",
  timeNeedsClock: (written: string) =>
    `“${written}”还缺具体钟点，请写到几点，例如“昨天14时20分”“下午2点20”；记不准可以写“约14时”。`,
  timeFutureDay: (written: string) =>
    `“${written}”晚于现在，事发时间不能晚于现在。请写已经发生的时间，例如“今天14时20分”“昨天晚上8点”。`,
  timeNoSuchDate: (written: string) => `没有“${written}”这一天，请核对月份和日期。`,
  timeNoSuchClock: (written: string) =>
    `“${written}”不是有效的钟点（小时 0–23，分钟 0–59），请重新写，例如“14时20分”。`,
  timeContradiction: (written: string) =>
    `“${written}”前后矛盾（时段和钟点对不上），请改成 24 小时写法，例如“14时20分”，或写“下午2点20”。`,
  timeWeekdayUnknown: (written: string) =>
    `没看懂“${written}”是哪一天，请写日期，例如“3月2日14时20分”或“昨天14时20分”。`,

  casualtiesNotUnderstood: "没看懂伤亡情况。可以这样写：无；2死3伤；死亡2人、受伤3人、失联1人；不清楚。",
  casualtiesNegative: "人数不能是负数，请核对后重写，例如“死亡2人、受伤3人”。",
  casualtiesNotWhole: "人数要写整数，请核对后重写，例如“死亡2人、受伤3人”。",
  casualtiesTooMany: (count: number, max: number) =>
    `人数 ${count} 超出了合理范围（每项最多 ${max}），请核对是否多打了数字。`,
  casualtiesMixed: "“伤亡”人数请分开写死亡和受伤，例如“死亡1人、受伤2人”；不清楚的写“不清楚”。",
} as const;
