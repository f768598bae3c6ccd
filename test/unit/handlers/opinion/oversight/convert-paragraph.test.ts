/**
 * The 转突发 paragraph: made from the item, and read by the incident's own paragraph reader into
 * the 首报's type, place, account and 接报时间 (the time the item was found).
 */
import { describe, expect, it } from "vitest";
import { extractReport } from "../../../../../src/handlers/incident/understanding/extract-report.ts";
import {
  convertParagraph,
  placeInContent,
} from "../../../../../src/handlers/opinion/oversight/convert-paragraph.ts";

const TZ = "Asia/Shanghai";
const TYPES = ["自然灾害", "事故灾难", "公共卫生事件", "社会安全事件", "舆情", "其他"];
const CONTENT = "微博网友发帖称青山镇李家村垃圾长期无人清运";
const item = {
  number: "Y2026-0001",
  content: CONTENT,
  foundAt: new Date("2026-12-07T08:30:00+08:00"),
  source: "微博",
  link: "https://weibo.com/1234567890/AbCdEf",
};
const read = (paragraph: string) =>
  extractReport(paragraph, { now: new Date("2026-12-07T10:00:00+08:00"), timeZone: TZ, types: TYPES });

describe("the place a 舆情 names", () => {
  it("is the responsible unit with the village or community written after it", () => {
    expect(placeInContent(CONTENT, "青山镇")).toBe("青山镇李家村");
    expect(placeInContent("网传白水乡幸福社区停水三天", "白水乡")).toBe("白水乡幸福社区");
    expect(placeInContent("有人称青山镇村民聚集", "青山镇")).toBe("青山镇");
    expect(placeInContent("网传青山镇政府门口有人聚集", "青山镇")).toBe("青山镇");
  });

  it("is nothing when the content does not name the unit", () => {
    expect(placeInContent("网传县医院排队时间过长", "卫健委")).toBeNull();
    expect(placeInContent(CONTENT, "")).toBeNull();
  });
});

describe("the 转突发 paragraph", () => {
  it("holds the found time, the content, the place, the number, the source and the link", () => {
    const paragraph = convertParagraph(item, "青山镇", TZ);
    expect(paragraph).toBe(
      "2026年12月7日8时30分，获悉网络舆情：微博网友发帖称青山镇李家村垃圾长期无人清运。" +
        "事发地点：青山镇李家村。舆情编号Y2026-0001，来源微博，链接 https://weibo.com/1234567890/AbCdEf。",
    );
  });

  it("is read by the incident's reader: type, place, account and 接报时间", () => {
    const found = read(convertParagraph(item, "青山镇", TZ));
    expect(found.type).toBe("舆情");
    expect(found.location).toBe("青山镇李家村");
    expect(found.summary).toContain(CONTENT);
    expect(found.learnedAt?.toISOString()).toBe(item.foundAt.toISOString());
    expect(found.occurredAt).toBeUndefined();
  });

  it("leaves the place out when the content names none, and the link when there is none", () => {
    const paragraph = convertParagraph(
      { ...item, content: "网传县医院排队时间过长。", link: null, source: "抖音" },
      "卫健委",
      TZ,
    );
    expect(paragraph).not.toContain("事发地点");
    expect(paragraph).not.toContain("链接");
    expect(paragraph).toContain("网传县医院排队时间过长。舆情编号");
    const found = read(paragraph);
    expect(found.learnedAt?.toISOString()).toBe(item.foundAt.toISOString());
    expect(found.summary).toContain("县医院排队时间过长");
  });

  it("writes the found time in the office's zone, with its year", () => {
    const lastYear = { ...item, foundAt: new Date("2025-12-31T23:50:00+08:00") };
    expect(convertParagraph(lastYear, "青山镇", TZ)).toMatch(/^2025年12月31日23时50分，/);
  });
});
