/**
 * Control characters in what platforms hand over: dropped before the text reaches the router and the
 * dialogs (PostgreSQL refuses NUL in text and jsonb), tab, line feed and carriage return kept.
 */
import { describe, expect, it } from "vitest";
import { inboundText } from "../../../../src/bot/adapters/feishu/feishu-content.ts";
import {
  hasControlCharacter,
  normalizeText,
  withoutControlCharacters,
} from "../../../../src/bot/core/text.ts";

describe("control characters", () => {
  it.each(["\u0000", "\u0001", "\u0007", "\u000b", "\u000c", "\u001b", "\u001f", "\u007f"])(
    "finds and drops U+%s",
    (control) => {
      expect(hasControlCharacter(`上报${control}青山镇`)).toBe(true);
      expect(withoutControlCharacters(`上报${control}青山镇`)).toBe("上报青山镇");
    },
  );

  it("keeps tab, line feed and carriage return, and everything beyond ASCII controls", () => {
    const text = "第一行\r\n第二行\t完 ＠ \u3000 😀";
    expect(hasControlCharacter(text)).toBe(false);
    expect(withoutControlCharacters(text)).toBe(text);
  });

  it("normalizes a text with a NUL into one the database takes", () => {
    expect(normalizeText("\u0000上报\u0000")).toBe("上报");
  });

  it("reads a Feishu text or rich-text message without its control characters", () => {
    expect(inboundText("text", JSON.stringify({ text: "地点：青山镇\u0000村口" }))).toBe("地点：青山镇村口");
    const post = { zh_cn: { title: "", content: [[{ tag: "text", text: "伤亡\u0007：无" }]] } };
    expect(inboundText("post", JSON.stringify(post))).toBe("伤亡：无");
  });
});
