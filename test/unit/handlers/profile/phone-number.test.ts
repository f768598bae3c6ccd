import { describe, expect, it } from "vitest";
import { normalizePhone } from "../../../../src/handlers/profile/phone-number.ts";

describe("normalizePhone", () => {
  it.each([
    "13800138000",
    "138 0013 8000",
    "138-0013-8000",
    "138－0013－8000",
    "+86 138 0013 8000",
    "+86-138-0013-8000",
    "(+86)13800138000",
    "008613800138000",
    "8613800138000",
  ])("%s is 13800138000", (typed) => {
    expect(normalizePhone(typed)).toBe("13800138000");
  });

  it("leaves what is no mobile number for the validator to refuse", () => {
    expect(normalizePhone("138 0013 800")).toBe("1380013800");
    expect(normalizePhone("+1 415 555 0100")).toBe("+14155550100");
  });
});
