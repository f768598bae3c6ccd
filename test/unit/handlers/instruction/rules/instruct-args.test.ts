import { describe, expect, it } from "vitest";
import { parseInstructArgs } from "../../../../../src/handlers/instruction/rules/instruct-args.ts";

describe("parseInstructArgs", () => {
  it.each([
    ["2026-0042 请立即组织救援，做好伤员救治", "2026-0042", "请立即组织救援，做好伤员救治"],
    ["2026-0042：请立即组织救援", "2026-0042", "请立即组织救援"],
    ["2026-0042:请立即组织救援", "2026-0042", "请立即组织救援"],
    ["2026-0042，请立即组织救援", "2026-0042", "请立即组织救援"],
    ["2026-0042请立即组织救援", "2026-0042", "请立即组织救援"],
    ["2026-42 请立即组织救援", "2026-42", "请立即组织救援"],
    ["42 请立即组织救援", "42", "请立即组织救援"],
    ["0042：请立即组织救援", "0042", "请立即组织救援"],
    ["  2026-0042   请立即组织救援  ", "2026-0042", "请立即组织救援"],
    ["2026-0042 第一，救人；\n第二，防次生灾害。", "2026-0042", "第一，救人；\n第二，防次生灾害。"],
    ["2026-0042", "2026-0042", ""],
    ["42", "42", ""],
    ["2026-0042 ", "2026-0042", ""],
  ])("%s", (args, numberText, text) => {
    expect(parseInstructArgs(args)).toEqual({ numberText, text });
  });

  it.each([
    ["", "nothing"],
    ["请立即组织救援", "no number"],
    ["3人受伤的要全力救治", "a count is not an incident number"],
    ["12时前报送救治情况", "a time is not an incident number"],
    ["2026-0042-1 请", "a longer code"],
    ["1234567 请", "too many digits"],
  ])("%s → null (%s)", (args) => {
    expect(parseInstructArgs(args)).toBeNull();
  });
});
