import { describe, expect, it } from "vitest";
import {
  instructionTextSchema,
  MAX_INSTRUCTION_LENGTH,
} from "../../../../../src/handlers/instruction/rules/instruction-text.ts";

describe("instructionTextSchema", () => {
  it("keeps the text, trimmed", () => {
    expect(instructionTextSchema.parse("  请立即组织救援  ")).toBe("请立即组织救援");
  });

  it("refuses an empty text in Chinese", () => {
    const result = instructionTextSchema.safeParse("   ");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("批示内容不能为空。");
  });

  it(`accepts ${MAX_INSTRUCTION_LENGTH} characters and refuses one more`, () => {
    expect(instructionTextSchema.safeParse("救".repeat(MAX_INSTRUCTION_LENGTH)).success).toBe(true);
    const result = instructionTextSchema.safeParse("救".repeat(MAX_INSTRUCTION_LENGTH + 1));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("批示内容请控制在 1000 字以内。");
  });
});
