import { describe, expect, it } from "vitest";
import {
  type TimelineRow,
  type TimelineView,
  timelineLines,
} from "../../../../src/handlers/incident/timeline-lines.ts";
import { shortLocalTime } from "../../../../src/handlers/office/time-format.ts";

const TZ = "Asia/Shanghai";
/** 2026-03-02 HH:mm in Shanghai. */
const local = (hhmm: string, day = "02") => new Date(`2026-03-${day}T${hhmm}:00+08:00`);
const NAMES: Record<string, string> = {
  zhangsan: "张三",
  "li-shuji": "李书记",
  "sun-zhiban": "孙值班",
  "zhou-zhiban": "周值班",
  "wu-zhuren": "吴主任",
  "qian-zhenzhang": "钱镇长",
  a: "甲",
  b: "乙",
  c: "丙",
  d: "丁",
  e: "戊",
};
const view: TimelineView = {
  now: local("18:00"),
  timeZone: TZ,
  nameOf: (id) => NAMES[id] ?? id,
  instructionText: (id) =>
    id === 3 ? "全力救治伤员，尽快查明事故原因，依法依规严肃处理责任人，并及时报告处置进展" : undefined,
};
const row = (
  hhmm: string,
  kind: string,
  actorId: string | null = null,
  detail: unknown = {},
): TimelineRow => ({
  at: local(hhmm),
  kind,
  actorId,
  detail,
});

describe("short local times", () => {
  it("shows only the clock for today and the date for another day, in the policy's zone", () => {
    expect(shortLocalTime(local("14:25"), local("18:00"), TZ)).toBe("14:25");
    expect(shortLocalTime(local("23:59", "01"), local("00:01"), TZ)).toBe("03-01 23:59");
    // 2026-03-01T16:30Z is already 03-02 00:30 in Shanghai.
    expect(shortLocalTime(new Date("2026-03-01T16:30:00Z"), local("08:00"), TZ)).toBe("00:30");
    expect(shortLocalTime(local("09:05"), local("09:00", "03"), TZ)).toBe("03-02 09:05");
  });
});

describe("timeline lines", () => {
  it("reads each step in the office's words, with the actor's name", () => {
    const lines = timelineLines(
      [
        row("14:25", "reported", "zhangsan", { gradeId: "III" }),
        row("14:25", "flagged_late", "zhangsan", { lateByMs: 25 * 60_000 }),
        row("14:25", "flagged_incomplete", "zhangsan", { missing: ["contact", "measures"] }),
        row("14:25", "alerted", null, { recipients: ["sun-zhiban", "zhou-zhiban"], urgent: true }),
        row("14:35", "escalated", null, { level: 1, recipients: ["wu-zhuren", "qian-zhenzhang"] }),
        row("14:40", "acknowledged", "li-shuji"),
        row("15:00", "instructed", "li-shuji", { instructionId: 3 }),
        row("15:10", "confirmed", "qian-zhenzhang", { instructionId: 3 }),
        row("15:30", "chased", null, { instructionId: 3, people: ["zhangsan"] }),
        row("15:40", "follow_up_requested", "li-shuji"),
        row("16:00", "followed_up", "qian-zhenzhang", { sequence: 1, lateByMs: 0 }),
        row("16:10", "reminded", null, { stage: "reporter", to: ["zhangsan"] }),
        row("16:20", "flagged_incomplete", null, { stage: "due", missing: ["现场负责人及电话"] }),
        row("16:30", "renotified", null, { to: "li-shuji" }),
        row("17:25", "flagged_missed", null, { dueAt: local("17:25").toISOString(), followUpCount: 1 }),
        row("17:40", "followed_up", "zhangsan", { sequence: 11, lateByMs: 15 * 60_000 }),
        row("17:50", "final", "zhangsan", { sequence: 12 }),
        row("17:50", "closed", "zhangsan"),
      ],
      view,
    );
    expect(lines).toEqual([
      "14:25 张三 上报",
      "14:25 迟报 25 分钟",
      "14:25 待补：现场负责人及电话、已采取措施",
      "14:25 提醒 孙值班、周值班（加急）",
      "14:35 逐级提醒（第 2 级） 吴主任、钱镇长",
      "14:40 李书记 已阅",
      "15:00 李书记 批示：全力救治伤员，尽快查明事故原因，依法依规严肃处理责任人，并及…",
      "15:10 钱镇长 收到",
      "15:30 催办 张三",
      "15:40 李书记 要求续报",
      "16:00 钱镇长 续报一",
      "16:10 提醒补报 张三",
      "16:20 超时未报齐：现场负责人及电话",
      "16:30 再次提醒 李书记",
      "17:25 漏报续报（应于 17:25 前）",
      "17:40 张三 续报十一（迟报 15 分钟）",
      "17:50 张三 终报",
      "17:50 结案",
    ]);
  });

  it("shortens long lists of people and survives rows it does not know", () => {
    const lines = timelineLines(
      [
        row("09:00", "alerted", null, { recipients: ["a", "b", "c", "d", "e"], urgent: false }),
        row("09:01", "instructed", "li-shuji", { instructionId: 99 }),
        row("09:02", "flagged_missed", null, {}),
        row("09:03", "something_new", "zhangsan", "not an object"),
        row("09:04", "escalated", null, null),
      ],
      view,
    );
    expect(lines).toEqual([
      "09:00 提醒 甲、乙、丙、丁等 5 人",
      "09:01 李书记 批示",
      "09:02 漏报续报",
      "09:03 张三 something_new",
      "09:04 逐级提醒（第 1 级）",
    ]);
  });
});
