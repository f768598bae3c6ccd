import { describe, expect, it } from "vitest";
import { findTimeMentions } from "../../../../../src/handlers/incident/understanding/find-time-mentions.ts";

const SHANGHAI = "Asia/Shanghai";
const sh = (local: string) => new Date(`${local.replace(" ", "T")}+08:00`);
const NOW = sh("2026-03-02 15:00");

const found = (text: string, now = NOW) =>
  findTimeMentions(text, now, SHANGHAI).map((m) => ({ text: m.text, at: m.at, approximate: m.approximate }));

describe("findTimeMentions", () => {
  it("finds the time at the head of a clerk's paragraph, with its position", () => {
    const text = "今天14时20分，青山镇李家村村道发生一起两车相撞事故，造成2人死亡、3人受伤。";
    const mentions = findTimeMentions(text, NOW, SHANGHAI);
    expect(mentions).toEqual([
      { index: 0, text: "今天14时20分", at: sh("2026-03-02 14:20"), approximate: false },
    ]);
  });

  it("reports the index of each time inside the text", () => {
    const text = "县应急局于14时35分接到报告";
    const [mention] = findTimeMentions(text, NOW, SHANGHAI);
    expect(mention?.index).toBe(5);
    expect(text.slice(mention?.index, (mention?.index ?? 0) + (mention?.text.length ?? 0))).toBe("14时35分");
  });

  it("reads 当日 as the day written before it, not today", () => {
    const text =
      "3月2日14时35分，县应急管理局接到青山镇报告：当日14时20分许，青山镇李家村村道发生一起两车相撞事故。";
    expect(found(text, sh("2026-03-03 09:00"))).toEqual([
      { text: "3月2日14时35分", at: sh("2026-03-02 14:35"), approximate: false },
      { text: "当日14时20分许", at: sh("2026-03-02 14:20"), approximate: true },
    ]);
  });

  it("carries a date written alone to the clock readings after it", () => {
    const text = "3月1日晚上，白水乡突降暴雨。20时许，白水河水位暴涨；21时10分，县领导赶到现场。";
    expect(found(text)).toEqual([
      { text: "20时许", at: sh("2026-03-01 20:00"), approximate: true },
      { text: "21时10分", at: sh("2026-03-01 21:10"), approximate: false },
    ]);
  });

  it("moves the carried date past midnight when the night goes on", () => {
    const text = "昨天晚上11时许，青山镇发生火灾；凌晨1时30分，明火被扑灭，2时许现场清理完毕。";
    expect(found(text).map((m) => m.at)).toEqual([
      sh("2026-03-01 23:00"),
      sh("2026-03-02 01:30"),
      sh("2026-03-02 02:00"),
    ]);
  });

  it("stays on the day when the account goes back to an earlier hour", () => {
    const text = "3月1日14时20分，青山镇发生山体滑坡。据村民反映，当日10时许已有落石。";
    expect(found(text).map((m) => m.at)).toEqual([sh("2026-03-01 14:20"), sh("2026-03-01 10:00")]);
  });

  it("finds both ends of a range", () => {
    expect(found("7月15日凌晨2时至6时，我县普降暴雨", sh("2026-07-15 09:00"))).toEqual([
      { text: "7月15日凌晨2时", at: sh("2026-07-15 02:00"), approximate: false },
      { text: "6时", at: sh("2026-07-15 06:00"), approximate: false },
    ]);
  });

  it("finds 刚才 and 刚刚 as approximately now", () => {
    expect(found("刚才青山镇李家村有一辆车翻到沟里了")).toEqual([
      { text: "刚才", at: NOW, approximate: true },
    ]);
    expect(found("刚刚接到群众报警")).toEqual([{ text: "刚刚", at: NOW, approximate: true }]);
  });

  it("finds durations ago", () => {
    expect(found("半小时前，青山镇发生一起交通事故")).toEqual([
      { text: "半小时前", at: sh("2026-03-02 14:30"), approximate: true },
    ]);
  });

  it.each([
    "镇村干部第一时间赶赴现场",
    "县委书记提出两点要求",
    "这两点务必落实",
    "有一点需要说明",
    "目前伤员已送医",
    "现在现场秩序平稳",
    "刚到现场",
    "电话13800000042",
    "G210国道K1520+300处",
    "县城东大街88号一民房",
    "持续约15分钟",
    "县防指正在24小时值守",
    "发生4.2级地震，震源深度10千米",
    "2026年3月2日",
    "同时，及时报告，临时安置",
    "该视频系2020年外省旧视频",
    "3号楼发生火灾",
  ])("finds no time in %s", (text) => {
    expect(found(text)).toEqual([]);
  });

  it("does not let a house number set the day for a later time", () => {
    expect(found("县城东大街8号一民房14时起火")).toEqual([
      { text: "14时", at: sh("2026-03-02 14:00"), approximate: false },
    ]);
  });

  it("accepts a numeral hour in text when something marks it as a time", () => {
    expect(found("下午两点，白水乡发生冰雹").map((m) => m.at)).toEqual([sh("2026-03-02 14:00")]);
    expect(found("两点整，白水乡发生冰雹").map((m) => m.at)).toEqual([sh("2026-03-02 14:00")]);
    expect(found("约两点，白水乡发生冰雹").map((m) => m.at)).toEqual([sh("2026-03-02 14:00")]);
    expect(found("三点钟，白水乡发生冰雹").map((m) => m.at)).toEqual([sh("2026-03-02 15:00")]);
  });

  it("skips what cannot be a time and goes on", () => {
    expect(found("2月30日14时有报告称，3月1日9时青山镇发生滑坡").map((m) => m.at)).toEqual([
      sh("2026-03-01 09:00"),
    ]);
  });
});
