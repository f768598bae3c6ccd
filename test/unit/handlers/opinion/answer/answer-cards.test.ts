/** The 口径 review card and the 已回应 card: what they show and the buttons they carry. */
import { describe, expect, it } from "vitest";
import type { Directory } from "../../../../../src/bot/core/directory.ts";
import { readAnswerText } from "../../../../../src/handlers/opinion/answer/answer-text.ts";
import { responseCard } from "../../../../../src/handlers/opinion/answer/response-card.ts";
import { reviewCard } from "../../../../../src/handlers/opinion/answer/review-card.ts";
import { dec, opinionItem } from "../queries/opinion-item.ts";

const directory = {
  unitName: (id: string) => (id === "qingshan" ? "青山镇" : id),
  personName: (id: string) => (id === "zhang-san" ? "张三" : id),
} as unknown as Directory;

describe("the 口径 review card", () => {
  it("shows the content, the verification when reported and the draft, with 同意发布 / 修改意见", () => {
    const item = opinionItem({
      id: 7,
      verification: "情况属实",
      draft: "经核实，已清运。",
      draftAt: dec(7, 10),
      draftBy: "zhang-san",
    });
    const card = reviewCard(item, directory);
    expect(card.title).toBe("【口径审核】Y2026-0001");
    expect(card.fields).toEqual([
      { label: "责任单位", value: "青山镇" },
      { label: "舆情内容", value: item.content },
      { label: "核实情况", value: "情况属实" },
      { label: "拟回应口径", value: "经核实，已清运。" },
      { label: "报送人", value: "张三" },
    ]);
    expect(card.buttons).toEqual([
      { label: "同意发布", action: "opinion:approve:7" },
      { label: "修改意见", action: "opinion:revise:7" },
    ]);
  });

  it("leaves out 核实情况 when none was reported", () => {
    const card = reviewCard(opinionItem({ draft: "口径", draftAt: dec(7, 10) }), directory);
    expect(card.fields.map((f) => f.label)).not.toContain("核实情况");
  });
});

describe("the 已回应 card", () => {
  it("shows the note and the approved wording, with a 办结 button", () => {
    const card = responseCard(
      opinionItem({
        id: 3,
        approvedText: "经核实，已清运。",
        respondedAt: dec(7, 11),
        respondedBy: "zhang-san",
        responseNote: "https://weibo.com/qingshan/reply1",
      }),
      directory,
    );
    expect(card.title).toBe("【已回应】Y2026-0001");
    expect(card.fields).toContainEqual({ label: "回应情况", value: "https://weibo.com/qingshan/reply1" });
    expect(card.fields).toContainEqual({ label: "发布口径", value: "经核实，已清运。" });
    expect(card.buttons).toEqual([{ label: "办结", action: "opinion:close:3" }]);
  });
});

describe("the texts of the steps", () => {
  it("are trimmed, must say something, and are not too long", () => {
    expect(readAnswerText("  情况属实  ", "请写明核实情况。")).toEqual({ ok: true, text: "情况属实" });
    expect(readAnswerText("   ", "请写明核实情况。")).toEqual({ ok: false, reason: "请写明核实情况。" });
    const long = readAnswerText("字".repeat(1001), "空");
    expect(long.ok).toBe(false);
    expect(long.ok ? "" : long.reason).toContain("1000");
  });
});
