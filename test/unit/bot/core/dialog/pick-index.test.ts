import { describe, expect, it } from "vitest";
import { pickIndex } from "../../../../../src/bot/core/dialog/answer.ts";

const grades = ["特别重大", "重大", "较大", "一般（建议）"];

describe("pickIndex: a choice by number or by its words", () => {
  it("reads the number, alone or before the label", () => {
    expect(pickIndex("2", grades)).toBe(1);
    expect(pickIndex("4. 一般（建议）", grades)).toBe(3);
    expect(pickIndex("5", grades)).toBeNull();
  });

  it("reads the whole label before a shorter one that starts or holds it", () => {
    expect(pickIndex("重大", grades)).toBe(1);
    expect(pickIndex("特别重大", grades)).toBe(0);
  });

  it("reads the one label that starts with the text (the suggestion mark left out)", () => {
    expect(pickIndex("一般", grades)).toBe(3);
    expect(pickIndex(" 较大 ", grades)).toBe(2);
  });

  it("reads the one label that holds the text, and none when several do", () => {
    expect(pickIndex("灾难", ["自然灾害", "事故灾难", "其他"])).toBe(1);
    expect(pickIndex("大", grades)).toBeNull();
    expect(pickIndex("天灾", ["自然灾害", "事故灾难"])).toBeNull();
  });
});
