/**
 * A 舆情 registration written as one paragraph: the link (kept as written), the source from the
 * link's host or from words, the responsible unit (labelled or the one named), the found time
 * (preferring the one followed by 发现; a future one not taken), the reach, the level, and the
 * content without the parts read and without trailing punctuation.
 */
import { describe, expect, it } from "vitest";
import { unitNames } from "../../../../../src/handlers/office/unit-names.ts";
import {
  type ParagraphOptions,
  readParagraph,
} from "../../../../../src/handlers/opinion/register/understanding/read-paragraph.ts";

const NOW = new Date("2026-12-07T01:00:00Z"); // 09:00 in Shanghai
const options: ParagraphOptions = {
  now: NOW,
  timeZone: "Asia/Shanghai",
  unitNames: unitNames([
    { id: "county-office", name: "县委县政府办公室" },
    { id: "duty-office", name: "县总值班室" },
    { id: "emergency", name: "县应急管理局", groupNames: ["应急局工作群"] },
    { id: "health", name: "县卫生健康委", groupNames: ["卫健委工作群"] },
    { id: "qingshan", name: "青山镇", groupNames: ["青山镇工作群"] },
    { id: "baishui", name: "白水乡", groupNames: ["白水乡工作群"] },
  ]),
  offeredUnits: ["emergency", "health", "qingshan", "baishui"],
  levels: [
    { id: "major", name: "重大" },
    { id: "large", name: "较大" },
    { id: "general", name: "一般" },
  ],
};
const read = (text: string) => readParagraph(text, options);
const local = (iso: string) => new Date(`${iso}+08:00`);

describe("THE LINE", () => {
  it("reads every part of it", () => {
    expect(
      read(
        "微博网友发帖称青山镇李家村垃圾长期无人清运，链接 https://weibo.com/1234567890/AbCdEf ，责任单位青山镇，今天8时30分发现，阅读2.3万、转发150、评论320，级别一般",
      ),
    ).toEqual({
      source: "微博",
      link: "https://weibo.com/1234567890/AbCdEf",
      content: "微博网友发帖称青山镇李家村垃圾长期无人清运",
      unitId: "qingshan",
      foundAt: local("2026-12-07T08:30"),
      reach: { reads: 23_000, reposts: 150, comments: 320 },
      levelId: "general",
    });
  });
});

describe("the source", () => {
  it.each([
    ["https://weibo.com/123/Ab", "微博"],
    ["https://m.weibo.cn/status/456", "微博"],
    ["https://www.douyin.com/video/789", "抖音"],
    ["https://v.douyin.com/iAbCd/", "抖音"],
    ["https://mp.weixin.qq.com/s/AbCd", "微信公众号/视频号"],
    ["https://channels.weixin.qq.com/web/pages/feed?eid=1", "微信公众号/视频号"],
    ["https://www.toutiao.com/article/123/", "今日头条"],
  ])("by the host of %s", (url, source) => {
    expect(read(`网友反映垃圾无人清运 ${url}`).source).toBe(source);
  });

  it("the host wins over words", () => {
    expect(read("抖音上转来的微博帖子 https://weibo.com/1/2").source).toBe("微博");
  });

  it.each([
    ["网友在微博发帖称路灯不亮", "微博"],
    ["抖音视频称小区停水", "抖音"],
    ["某公众号文章称学校收费", "微信公众号/视频号"],
    ["视频号有人直播围堵", "微信公众号/视频号"],
    ["今日头条有文章称道路破损", "今日头条"],
    ["本地论坛网友发帖称噪音扰民", "本地论坛"],
    ["贴吧有人称集市占道", "本地论坛"],
    ["12345热线多人反映停水", "12345热线"],
    ["领导留言板有网友留言称拖欠工资", "领导留言板"],
  ])("by the words of %s", (text, source) => {
    expect(read(text).source).toBe(source);
  });

  it("an unknown host and no words leave it to ask", () => {
    expect(read("网友称路灯不亮 https://example.com/post/1").source).toBeUndefined();
  });

  it("a number that only contains 12345 is no 热线", () => {
    expect(read("网友称路灯不亮，阅读1234567").source).toBeUndefined();
  });
});

describe("the link", () => {
  it("is kept as written, without the punctuation after it", () => {
    expect(read("网友称路灯不亮，原帖：https://weibo.com/1/AbC?from=page.").link).toBe(
      "https://weibo.com/1/AbC?from=page",
    );
  });

  it("ends where Chinese text starts", () => {
    const reading = read("https://weibo.com/1/AbC网友称路灯不亮");
    expect(reading.link).toBe("https://weibo.com/1/AbC");
    expect(reading.content).toBe("网友称路灯不亮");
  });

  it("is the first of several", () => {
    expect(read("网友称路灯不亮 http://a.example/1 https://weibo.com/2").link).toBe("http://a.example/1");
  });

  it("is none without an http(s) address", () => {
    expect(read("网友称路灯不亮 weibo.com/1").link).toBeUndefined();
  });
});

describe("the unit", () => {
  it("after 责任单位, by a short or group name", () => {
    expect(read("网友称路灯不亮，责任单位：应急局").unitId).toBe("emergency");
    expect(read("网友称路灯不亮，责任单位为卫健委").unitId).toBe("health");
  });

  it("the labelled one wins over one named in the content", () => {
    expect(read("网友称青山镇卫生院排队太久，责任单位县卫生健康委").unitId).toBe("health");
  });

  it("an unknown unit after the label is noted, not guessed", () => {
    const reading = read("网友称路灯不亮，责任单位城关镇");
    expect(reading.unitId).toBeUndefined();
    expect(reading.unknownUnit).toBe("城关镇");
    expect(reading.content).toBe("网友称路灯不亮");
  });

  it("the one unit the text names, left in the content", () => {
    const reading = read("网友称白水乡卫生院排队太久");
    expect(reading.unitId).toBe("baishui");
    expect(reading.content).toBe("网友称白水乡卫生院排队太久");
  });

  it("none when the text names two units, or only one not offered", () => {
    expect(read("网友称青山镇和白水乡交界处垃圾成堆").unitId).toBeUndefined();
    expect(read("网友称已向总值班室反映路灯不亮").unitId).toBeUndefined();
  });
});

describe("the found time", () => {
  it.each([
    ["网友称路灯不亮，今天8时30分发现", "2026-12-07T08:30"],
    ["网友称路灯不亮，8:30发现", "2026-12-07T08:30"],
    ["网友称路灯不亮，昨天20时许发现", "2026-12-06T20:00"],
    ["网友称路灯不亮，发现时间：今天7时", "2026-12-07T07:00"],
    ["网友称路灯不亮，于今天7时发现", "2026-12-07T07:00"],
  ])("%s", (text, at) => {
    const reading = read(text);
    expect(reading.foundAt).toEqual(local(at));
    expect(reading.content).toBe("网友称路灯不亮");
  });

  it("刚才 is now", () => {
    expect(read("网友称路灯不亮，刚才发现").foundAt?.getTime()).toBe(NOW.getTime());
  });

  it("prefers the time followed by 发现, keeping the other in the content", () => {
    const reading = read("网友称昨天20时起停水，今天8时发现");
    expect(reading.foundAt).toEqual(local("2026-12-07T08:00"));
    expect(reading.content).toBe("网友称昨天20时起停水");
  });

  it("else takes the first time and leaves it in the content", () => {
    const reading = read("网友今天7时发帖称路灯不亮");
    expect(reading.foundAt).toEqual(local("2026-12-07T07:00"));
    expect(reading.content).toBe("网友今天7时发帖称路灯不亮");
  });

  it("does not take a time later than now", () => {
    const reading = read("网友称路灯不亮，今天10时发现");
    expect(reading.foundAt).toBeUndefined();
    expect(reading.futureFoundAt).toEqual(local("2026-12-07T10:00"));
  });

  it("is none without a clock time", () => {
    expect(read("网友称路灯不亮").foundAt).toBeUndefined();
  });
});

describe("the level", () => {
  it.each([
    ["网友称路灯不亮，级别一般", "general"],
    ["网友称路灯不亮，级别：较大", "large"],
    ["重大舆情：网友称学校食堂食物中毒", "major"],
    ["网友称路灯不亮，舆情等级为较大", "large"],
  ])("%s", (text, level) => {
    const reading = read(text);
    expect(reading.levelId).toBe(level);
    expect(reading.content).not.toMatch(/级别|等级|舆情/);
  });

  it("is none for a level name used as a word", () => {
    expect(read("网友称存在重大安全隐患").levelId).toBeUndefined();
  });
});

describe("the content", () => {
  it("drops a 内容 label and trailing punctuation", () => {
    expect(read("内容：网友称路灯不亮。").content).toBe("网友称路灯不亮");
  });

  it("is none when too little is left", () => {
    expect(read("https://weibo.com/1 级别一般").content).toBeUndefined();
  });
});
