import { describe, expect, it } from "vitest";
import { parseEventTime } from "../../../../../src/handlers/incident/understanding/parse-event-time.ts";

const SHANGHAI = "Asia/Shanghai";
/** Monday 2 March 2026, 15:00 in Shanghai. */
const NOW = new Date("2026-03-02T15:00:00+08:00");
/** A Shanghai wall-clock time as an instant (Shanghai is +08:00 all of 2026). */
const sh = (local: string) => new Date(`${local.replace(" ", "T")}+08:00`);

type Row = [text: string, local: string, approximate: boolean];

function expectTime(text: string, local: string, approximate: boolean, now = NOW, zone = SHANGHAI) {
  const result = parseEventTime(text, now, zone);
  expect(result, text).toEqual({ ok: true, at: sh(local), approximate });
}

describe("parseEventTime: clock readings today", () => {
  it.each<Row>([
    ["14:20", "2026-03-02 14:20", false],
    ["14：20", "2026-03-02 14:20", false],
    ["１４：２０", "2026-03-02 14:20", false],
    [" 14:20 ", "2026-03-02 14:20", false],
    ["14:20:30", "2026-03-02 14:20:30", false],
    ["14:20分", "2026-03-02 14:20", false],
    ["9:05", "2026-03-02 09:05", false],
    ["09:05", "2026-03-02 09:05", false],
    ["0:10", "2026-03-02 00:10", false],
    ["3:00", "2026-03-02 03:00", false],
    ["14点20", "2026-03-02 14:20", false],
    ["14点20分", "2026-03-02 14:20", false],
    ["14点", "2026-03-02 14:00", false],
    ["14点整", "2026-03-02 14:00", false],
    ["14点钟", "2026-03-02 14:00", false],
    ["14点半", "2026-03-02 14:30", false],
    ["14点05", "2026-03-02 14:05", false],
    ["14点5分", "2026-03-02 14:05", false],
    ["14时", "2026-03-02 14:00", false],
    ["14时20分", "2026-03-02 14:20", false],
    ["14时05分", "2026-03-02 14:05", false],
    ["14时20分30秒", "2026-03-02 14:20:30", false],
    ["3时", "2026-03-02 03:00", false],
    ["8时30分", "2026-03-02 08:30", false],
    ["十四时二十分", "2026-03-02 14:20", false],
    ["十四点二十", "2026-03-02 14:20", false],
    ["十四点零五分", "2026-03-02 14:05", false],
    ["十二点", "2026-03-02 12:00", false],
    ["十二点半", "2026-03-02 12:30", false],
    ["零点", "2026-03-02 00:00", false],
    ["零点十分", "2026-03-02 00:10", false],
    ["〇点三十五分", "2026-03-02 00:35", false],
    ["十时", "2026-03-02 10:00", false],
    ["二十点三十五分", "2026-03-02 20:35", false],
    ["二十三时五十九分", "2026-03-02 23:59", false],
    ["14时20分。", "2026-03-02 14:20", false],
  ])("%s → %s", expectTime);
});

describe("parseEventTime: a bare 点 hour takes the most recent 12-hour reading", () => {
  // At 15:00, 3点 is 15:00 (just now) rather than 03:00; 8点 is 08:00 because 20:00 is still to come.
  it.each<Row>([
    ["3点", "2026-03-02 15:00", false],
    ["三点", "2026-03-02 15:00", false],
    ["3点半", "2026-03-02 03:30", false],
    ["2点", "2026-03-02 14:00", false],
    ["两点", "2026-03-02 14:00", false],
    ["两点一刻", "2026-03-02 14:15", false],
    ["两点三刻", "2026-03-02 14:45", false],
    ["一点钟", "2026-03-02 13:00", false],
    ["1点20", "2026-03-02 13:20", false],
    ["8点", "2026-03-02 08:00", false],
    ["8点30", "2026-03-02 08:30", false],
    ["11点", "2026-03-02 11:00", false],
    ["12点", "2026-03-02 12:00", false],
    ["3点多", "2026-03-02 15:00", true],
    ["两点过", "2026-03-02 14:00", true],
  ])("%s → %s", expectTime);

  it("keeps the literal reading when both readings are still to come", () => {
    expectTime("3点", "2026-03-02 03:00", false, sh("2026-03-02 02:00"));
    expectTime("12点", "2026-03-02 00:00", false, sh("2026-03-02 02:00"));
  });

  it("leaves 时 and colon readings on the 24-hour clock, as documents write them", () => {
    expectTime("3时", "2026-03-02 03:00", false);
    expectTime("3:30", "2026-03-02 03:30", false);
  });
});

describe("parseEventTime: parts of the day", () => {
  it.each<Row>([
    ["凌晨3点", "2026-03-02 03:00", false],
    ["凌晨3时许", "2026-03-02 03:00", true],
    ["凌晨0点30分", "2026-03-02 00:30", false],
    ["凌晨12点", "2026-03-02 00:00", false],
    ["凌晨两点半", "2026-03-02 02:30", false],
    ["清晨6点", "2026-03-02 06:00", false],
    ["早晨7点", "2026-03-02 07:00", false],
    ["早上8点", "2026-03-02 08:00", false],
    ["早8点", "2026-03-02 08:00", false],
    ["早上七点一刻", "2026-03-02 07:15", false],
    ["上午10点", "2026-03-02 10:00", false],
    ["上午十点二十", "2026-03-02 10:20", false],
    ["上午9:30", "2026-03-02 09:30", false],
    ["上午12点", "2026-03-02 12:00", false],
    ["中午12点", "2026-03-02 12:00", false],
    ["中午12点半", "2026-03-02 12:30", false],
    ["中午1点", "2026-03-02 13:00", false],
    ["正午12时", "2026-03-02 12:00", false],
    ["下午2点20", "2026-03-02 14:20", false],
    ["下午2点20分", "2026-03-02 14:20", false],
    ["下午两点", "2026-03-02 14:00", false],
    ["下午2:20", "2026-03-02 14:20", false],
    ["下午2时", "2026-03-02 14:00", false],
    ["下午14点", "2026-03-02 14:00", false],
    ["下午14时20分", "2026-03-02 14:20", false],
    ["下午12点", "2026-03-02 12:00", false],
    ["午后3点", "2026-03-02 15:00", false],
    ["傍晚6点", "2026-03-02 18:00", false],
    ["黄昏5点半", "2026-03-02 17:30", false],
    ["晚上8点半", "2026-03-02 20:30", false],
    ["晚上八点", "2026-03-02 20:00", false],
    ["晚上十一点半", "2026-03-02 23:30", false],
    ["晚上20点", "2026-03-02 20:00", false],
    ["晚8点", "2026-03-02 20:00", false],
    ["晚间9时", "2026-03-02 21:00", false],
    ["夜里11点", "2026-03-02 23:00", false],
    ["夜间10点", "2026-03-02 22:00", false],
    ["深夜11点", "2026-03-02 23:00", false],
    // Without a date, a night hour after midnight is the night just past.
    ["晚上12点", "2026-03-02 00:00", false],
    ["夜里1点", "2026-03-02 01:00", false],
    ["半夜2点", "2026-03-02 02:00", false],
    ["午夜12点", "2026-03-02 00:00", false],
  ])("%s → %s", expectTime);
});

describe("parseEventTime: today, yesterday, the day before", () => {
  it.each<Row>([
    ["今天下午2点20", "2026-03-02 14:20", false],
    ["今天14时20分", "2026-03-02 14:20", false],
    ["今天 14:20", "2026-03-02 14:20", false],
    ["今日14时20分", "2026-03-02 14:20", false],
    ["本日14时", "2026-03-02 14:00", false],
    ["今天凌晨3点", "2026-03-02 03:00", false],
    ["今早7点", "2026-03-02 07:00", false],
    ["今晨6时", "2026-03-02 06:00", false],
    ["今天中午12点", "2026-03-02 12:00", false],
    ["昨天晚上8点", "2026-03-01 20:00", false],
    ["昨天晚上8点半", "2026-03-01 20:30", false],
    ["昨晚8点", "2026-03-01 20:00", false],
    ["昨夜11点", "2026-03-01 23:00", false],
    ["昨天14:20", "2026-03-01 14:20", false],
    ["昨日14时", "2026-03-01 14:00", false],
    ["昨天下午3点", "2026-03-01 15:00", false],
    // A written date leaves a bare 点 hour on the 24-hour clock.
    ["昨天3点", "2026-03-01 03:00", false],
    // 昨晚12点 and 昨天夜里1点 are after midnight, that is today.
    ["昨晚12点", "2026-03-02 00:00", false],
    ["昨天夜里1点", "2026-03-02 01:00", false],
    ["昨天晚上11点50分", "2026-03-01 23:50", false],
    ["前天上午10点", "2026-02-28 10:00", false],
    ["前日10时", "2026-02-28 10:00", false],
    ["大前天下午3点", "2026-02-27 15:00", false],
    ["当天14时", "2026-03-02 14:00", false],
  ])("%s → %s", expectTime);
});

describe("parseEventTime: dates", () => {
  it.each<Row>([
    ["3月2日14时20分", "2026-03-02 14:20", false],
    ["3月2日下午2点", "2026-03-02 14:00", false],
    ["3月2号下午2点", "2026-03-02 14:00", false],
    ["3月2日 14时20分", "2026-03-02 14:20", false],
    ["3月2日，14时20分", "2026-03-02 14:20", false],
    ["3月2日14:20", "2026-03-02 14:20", false],
    ["三月二日下午两点", "2026-03-02 14:00", false],
    ["3月1日晚上8点", "2026-03-01 20:00", false],
    ["2月28日23时", "2026-02-28 23:00", false],
    ["2026年3月2日14时20分", "2026-03-02 14:20", false],
    ["2026年03月02日14:20", "2026-03-02 14:20", false],
    ["二〇二六年三月二日十四时二十分", "2026-03-02 14:20", false],
    ["2026年3月2日14时20分许", "2026-03-02 14:20", true],
    ["2025年12月31日23时", "2025-12-31 23:00", false],
    ["2026-03-02 14:20", "2026-03-02 14:20", false],
    ["2026-3-2 14:20", "2026-03-02 14:20", false],
    ["2026-03-02T14:20", "2026-03-02 14:20", false],
    ["2026-03-02 14:20:30", "2026-03-02 14:20:30", false],
    ["2026/3/2 14:20", "2026-03-02 14:20", false],
    ["2026.3.2 14:20", "2026-03-02 14:20", false],
    ["2026-03-01 下午3点", "2026-03-01 15:00", false],
    // A bare day is this month's or last month's, whichever is nearer.
    ["2日14时", "2026-03-02 14:00", false],
    ["1日晚上8点", "2026-03-01 20:00", false],
    ["28日14时", "2026-02-28 14:00", false],
    ["28号下午3点", "2026-02-28 15:00", false],
  ])("%s → %s", expectTime);

  it("reads a month-day more than half a year ahead as last year's", () => {
    const newYear = sh("2026-01-02 09:00");
    expectTime("12月31日23时", "2025-12-31 23:00", false, newYear);
    expectTime("12月31日晚上11点", "2025-12-31 23:00", false, newYear);
  });

  it("keeps a month-day just ahead in this year, for the caller to reject as future", () => {
    expectTime("3月3日14时", "2026-03-03 14:00", false);
    expectTime("3日14时", "2026-03-03 14:00", false);
  });

  it("reads 晚上12点 after a date as the midnight ending that day", () => {
    expectTime("3月1日晚上12点", "2026-03-02 00:00", false);
    expectTime("3月1日夜里2点", "2026-03-02 02:00", false);
  });

  it("reads 24时 as the end of the day written", () => {
    expectTime("3月1日24时", "2026-03-02 00:00", false);
  });
});

describe("parseEventTime: weekdays (chrono-node)", () => {
  it.each<Row>([
    ["周一上午9点", "2026-03-02 09:00", false],
    ["周一9:00", "2026-03-02 09:00", false],
    ["星期一上午9点", "2026-03-02 09:00", false],
    ["这周一9时", "2026-03-02 09:00", false],
    ["本周一上午9点", "2026-03-02 09:00", false],
    ["上周五下午3点", "2026-02-27 15:00", false],
    ["上个星期五下午3点", "2026-02-27 15:00", false],
    ["星期天晚上8点", "2026-03-01 20:00", false],
    ["周日晚8点", "2026-03-01 20:00", false],
    ["礼拜六上午10点", "2026-02-28 10:00", false],
    // A bare weekday is the most recent one, not the coming one.
    ["周五14时", "2026-02-27 14:00", false],
    ["星期三晚上9点", "2026-02-25 21:00", false],
    ["上周五晚上12点", "2026-02-28 00:00", false],
  ])("%s → %s", expectTime);

  it("does not depend on the process's own time zone", () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ["UTC", "America/Los_Angeles", "Pacific/Kiritimati", "Asia/Shanghai"]) {
        process.env.TZ = tz;
        expectTime("周五14时", "2026-02-27 14:00", false);
        expectTime("上周五下午3点", "2026-02-27 15:00", false);
        expectTime("周一上午9点", "2026-03-02 09:00", false);
        expectTime("周一上午9点", "2026-03-02 09:00", false, sh("2026-03-02 00:30"));
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe("parseEventTime: relative to now", () => {
  it.each<Row>([
    ["刚才", "2026-03-02 15:00", true],
    ["刚刚", "2026-03-02 15:00", true],
    ["方才", "2026-03-02 15:00", true],
    ["刚", "2026-03-02 15:00", true],
    ["现在", "2026-03-02 15:00", false],
    ["此刻", "2026-03-02 15:00", false],
    ["目前", "2026-03-02 15:00", false],
    ["半小时前", "2026-03-02 14:30", true],
    ["半个小时前", "2026-03-02 14:30", true],
    ["半个钟头前", "2026-03-02 14:30", true],
    ["10分钟前", "2026-03-02 14:50", true],
    ["10分钟之前", "2026-03-02 14:50", true],
    ["10分钟以前", "2026-03-02 14:50", true],
    ["5分前", "2026-03-02 14:55", true],
    ["十分钟前", "2026-03-02 14:50", true],
    ["二十分钟前", "2026-03-02 14:40", true],
    ["三十五分钟前", "2026-03-02 14:25", true],
    ["20多分钟前", "2026-03-02 14:40", true],
    ["一刻钟前", "2026-03-02 14:45", true],
    ["1小时前", "2026-03-02 14:00", true],
    ["一小时前", "2026-03-02 14:00", true],
    ["一个小时前", "2026-03-02 14:00", true],
    ["一个半小时前", "2026-03-02 13:30", true],
    ["1个半小时前", "2026-03-02 13:30", true],
    ["两小时前", "2026-03-02 13:00", true],
    ["两个小时前", "2026-03-02 13:00", true],
    ["2个多小时前", "2026-03-02 13:00", true],
    ["十二小时前", "2026-03-02 03:00", true],
    ["1小时20分钟前", "2026-03-02 13:40", true],
    ["一小时二十分前", "2026-03-02 13:40", true],
    ["两天前", "2026-02-28 15:00", true],
    ["约半小时前", "2026-03-02 14:30", true],
  ])("%s → %s", expectTime);
});

describe("parseEventTime: approximate times", () => {
  it.each<Row>([
    ["14时20分许", "2026-03-02 14:20", true],
    ["14时许", "2026-03-02 14:00", true],
    ["约14时", "2026-03-02 14:00", true],
    ["大约下午2点", "2026-03-02 14:00", true],
    ["大概14点", "2026-03-02 14:00", true],
    ["14点左右", "2026-03-02 14:00", true],
    ["下午2点前后", "2026-03-02 14:00", true],
    ["昨天晚上8点左右", "2026-03-01 20:00", true],
    ["估计下午2点", "2026-03-02 14:00", true],
  ])("%s → %s", expectTime);
});

describe("parseEventTime: a time among filler words", () => {
  it.each<Row>([
    ["事发时间：14时20分", "2026-03-02 14:20", false],
    ["事发时间:14时20分", "2026-03-02 14:20", false],
    ["时间是14:20", "2026-03-02 14:20", false],
    ["14时20分发生的", "2026-03-02 14:20", false],
    ["是在14时20分", "2026-03-02 14:20", false],
    ["在昨天晚上8点", "2026-03-01 20:00", false],
    ["大概是下午2点左右吧", "2026-03-02 14:00", true],
    ["应该是14时20分", "2026-03-02 14:20", true],
    ["发生时间：2026年3月2日14时20分", "2026-03-02 14:20", false],
  ])("%s → %s", expectTime);
});

describe("parseEventTime: other zones and midnight", () => {
  it("reads wall-clock text in the zone given", () => {
    expect(parseEventTime("14:20", NOW, "UTC")).toEqual({
      ok: true,
      at: new Date("2026-03-02T14:20:00Z"),
      approximate: false,
    });
    expect(parseEventTime("昨天14:20", new Date("2026-07-15T12:00:00Z"), "America/New_York")).toEqual({
      ok: true,
      at: new Date("2026-07-14T18:20:00Z"),
      approximate: false,
    });
  });

  it("follows daylight saving time in zones that have it", () => {
    const zone = "America/New_York";
    const now = new Date("2026-03-09T12:00:00Z");
    expect(parseEventTime("3月7日14:00", now, zone)).toMatchObject({ at: new Date("2026-03-07T19:00:00Z") });
    expect(parseEventTime("3月8日14:00", now, zone)).toMatchObject({ at: new Date("2026-03-08T18:00:00Z") });
  });

  it("uses the zone's date, not UTC's, for 今天 and 昨天 just after midnight", () => {
    const justAfterMidnight = sh("2026-03-02 00:30");
    expectTime("昨天晚上11点", "2026-03-01 23:00", false, justAfterMidnight);
    expectTime("今天0点10分", "2026-03-02 00:10", false, justAfterMidnight);
    expectTime("半小时前", "2026-03-02 00:00", true, justAfterMidnight);
    expectTime("一个小时前", "2026-03-01 23:30", true, justAfterMidnight);
  });

  it("returns a clock time later than now as today, for the caller to reject", () => {
    // Reported at 00:10, "23时50分" most likely meant last night: the caller's future-time message
    // asks for "昨天23时50分" rather than this parser guessing.
    expectTime("23时50分", "2026-03-02 23:50", false, sh("2026-03-02 00:10"));
    expectTime("20:00", "2026-03-02 20:00", false);
    expectTime("今晚12点", "2026-03-03 00:00", false);
    expectTime("明天下午3点", "2026-03-03 15:00", false);
    expectTime("后天上午9时", "2026-03-04 09:00", false);
  });

  it("throws for an unknown zone, a programming error", () => {
    expect(() => parseEventTime("14:20", NOW, "Mars/Olympus_Mons")).toThrow(RangeError);
  });
});

describe("parseEventTime: refusals say what is understood", () => {
  const refused = (text: string) => {
    const result = parseEventTime(text, NOW, SHANGHAI);
    expect(result.ok, text).toBe(false);
    return result.ok ? "" : result.reason;
  };

  it.each(["", "   ", "\n"])("asks for a time when the reply is empty: %j", (text) => {
    expect(refused(text)).toContain("请写事发时间");
  });

  it.each([
    "hello",
    "不知道",
    "14",
    "1420",
    "上上周五下午3点",
    "下午3点到4点之间",
    "14时20分，青山镇发生火灾",
    "14时20分和15时",
    "两点要求",
  ])("lists the understood forms for %s", (text) => {
    const reason = refused(text);
    expect(reason).toContain("没看懂这个时间");
    expect(reason).toContain("14时20分");
    expect(reason).toContain("半小时前");
    expect(reason).toContain("刚才");
  });

  it.each(["3月2日", "昨天", "今天上午", "下午", "晚上", "周一", "2026-03-02", "前天晚上"])(
    "asks for the hour when %s has only a date or a part of the day",
    (text) => {
      const reason = refused(text);
      expect(reason).toContain(`“${text}”还缺具体钟点`);
    },
  );

  it.each(["明天", "明天上午", "后天", "明日晚上", "3月3日", "下周一"])(
    "says %s is later than now instead of asking for the hour",
    (text) => {
      const reason = refused(text);
      expect(reason).toContain(`“${text}”晚于现在`);
      expect(reason).not.toContain("还缺具体钟点");
    },
  );

  it.each(["上午14点", "早上14点", "凌晨9点", "傍晚10点", "中午5点", "晚上15点", "下午0点", "中午10点"])(
    "points out %s as a contradiction",
    (text) => {
      const reason = refused(text);
      expect(reason).toContain(`“${text}”前后矛盾`);
      expect(reason).toContain("14时20分");
    },
  );

  it.each(["25点", "14点61分", "24点30分", "14:75", "14时20分61秒", "二十五时"])(
    "refuses %s as no such clock reading",
    (text) => {
      expect(refused(text)).toContain("不是有效的钟点");
    },
  );

  it.each(["2月30日14时", "13月2日14时", "2026-02-29 10:00", "1800年1月1日10时", "32日14时", "4月31日9时"])(
    "refuses %s as no such date",
    (text) => {
      expect(refused(text)).toContain("这一天");
    },
  );
});
