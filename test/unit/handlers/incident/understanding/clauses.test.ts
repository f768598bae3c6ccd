import { describe, expect, it } from "vitest";
import { splitClauses } from "../../../../../src/handlers/incident/understanding/clauses.ts";

const texts = (text: string) => splitClauses(text).map((c) => c.text);

describe("splitClauses", () => {
  it("cuts at Chinese and Latin commas, full stops and semicolons", () => {
    expect(texts("今天14时20分，青山镇发生火灾，造成2人受伤。镇长已赶赴现场；伤员已送医")).toEqual([
      "今天14时20分",
      "青山镇发生火灾",
      "造成2人受伤",
      "镇长已赶赴现场",
      "伤员已送医",
    ]);
    expect(texts("a,b;c!d?e！f？g")).toEqual(["a", "b", "c", "d", "e", "f", "g"]);
  });

  it("keeps 、 lists together", () => {
    expect(texts("造成2人死亡、3人受伤、1人失联，")).toEqual(["造成2人死亡、3人受伤、1人失联"]);
  });

  it("cuts at a colon but not inside a clock reading", () => {
    expect(texts("现场负责人：钱镇长，电话13800000042")).toEqual(["现场负责人", "钱镇长", "电话13800000042"]);
    expect(texts("14:20，青山镇")).toEqual(["14:20", "青山镇"]);
    expect(texts("接报时间:14:35")).toEqual(["接报时间", "14:35"]);
  });

  it("keeps quotations and brackets whole", () => {
    expect(texts("网传“青山镇，水库溃坝”视频，引发关注")).toEqual(["网传“青山镇，水库溃坝”视频", "引发关注"]);
    expect(texts("造成4人受伤（其中重伤1人，轻伤3人），周边")).toEqual([
      "造成4人受伤（其中重伤1人，轻伤3人）",
      "周边",
    ]);
    expect(texts('网传"青山镇，水库溃坝"，引发关注')).toEqual(['网传"青山镇，水库溃坝"', "引发关注"]);
    expect(texts("《通知》，收到")).toEqual(["《通知》", "收到"]);
  });

  it("does not let an unclosed quotation swallow the next line", () => {
    expect(texts("网传“青山镇，水库溃坝\n县委网信办已处置，正在核实")).toEqual([
      "网传“青山镇，水库溃坝",
      "县委网信办已处置",
      "正在核实",
    ]);
  });

  it("numbers sentences and keeps each clause's position", () => {
    const text = "今天14时，青山镇发生火灾。 镇长已赶赴现场，正在处置";
    const clauses = splitClauses(text);
    expect(clauses.map((c) => c.sentence)).toEqual([0, 0, 1, 1]);
    for (const clause of clauses)
      expect(text.slice(clause.index, clause.index + clause.text.length)).toBe(clause.text);
  });

  it("drops empty clauses", () => {
    expect(texts("，，。。 ；")).toEqual([]);
    expect(texts("")).toEqual([]);
  });
});
