/** Reach counts as people write them (万, +, thousands commas), in a reply and inside a paragraph. */
import { describe, expect, it } from "vitest";
import { parseReachReply } from "../../../../../src/handlers/opinion/register/register-steps.ts";
import { findReach, parseReach } from "../../../../../src/handlers/opinion/register/understanding/reach.ts";

describe("parseReach", () => {
  it.each([
    ["阅读2.3万、转发150、评论320", { reads: 23_000, reposts: 150, comments: 320 }],
    ["阅读量：10万+，转发1500", { reads: 100_000, reposts: 1500, comments: null }],
    ["播放量 5万 评论约320条", { reads: 50_000, reposts: null, comments: 320 }],
    ["浏览1,500次", { reads: 1500, reposts: null, comments: null }],
    ["转发3千", { reads: null, reposts: 3000, comments: null }],
    ["评论 12w", { reads: null, reposts: null, comments: 120_000 }],
    ["23000 150 320", { reads: 23_000, reposts: 150, comments: 320 }],
    ["2.3万、150", { reads: 23_000, reposts: 150, comments: null }],
  ])("%s", (text, expected) => {
    expect(parseReach(text)).toEqual(expected);
  });

  it.each(["很多", "", "1 2 3 4", "大约几千人看过"])("reads no count in %j", (text) => {
    expect(parseReach(text)).toBeNull();
  });

  it("keeps the first of a label written twice", () => {
    expect(parseReach("阅读2万，后来阅读3万")?.reads).toBe(20_000);
  });
});

describe("findReach", () => {
  it("finds the labelled counts in running text with where they are", () => {
    const text = "网友发帖，阅读2.3万、转发150";
    const { reach, spans } = findReach(text);
    expect(reach).toEqual({ reads: 23_000, reposts: 150, comments: null });
    expect(spans.map(([a, b]) => text.slice(a, b))).toEqual(["阅读2.3万", "转发150"]);
  });

  it("leaves words without a count", () => {
    expect(findReach("网友留言称垃圾无人清运").spans).toEqual([]);
  });
});

describe("the reach step", () => {
  it("takes 无 as nothing known and refuses what it cannot read", () => {
    expect(parseReachReply("无")).toEqual({ reads: null, reposts: null, comments: null });
    expect(() => parseReachReply("很多")).toThrow("没看懂传播情况");
  });
});
