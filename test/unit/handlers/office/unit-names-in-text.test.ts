/** Units named anywhere in a text (a 舆情 paragraph): the longest name at each place, in order. */
import { describe, expect, it } from "vitest";
import { unitNames, unitsInText } from "../../../../src/handlers/office/unit-names.ts";

const names = unitNames([
  { id: "emergency", name: "县应急管理局", groupNames: ["应急局工作群"] },
  { id: "qingshan", name: "青山镇", groupNames: ["青山镇工作群"] },
  { id: "baishui", name: "白水乡" },
]);

describe("unitsInText", () => {
  it("finds each unit where it is named, by its longest name", () => {
    expect(unitsInText("网友称青山镇和白水乡交界处垃圾成堆，应急局已知悉", names)).toEqual([
      { unitId: "qingshan", index: 3, length: 3 },
      { unitId: "baishui", index: 7, length: 3 },
      { unitId: "emergency", index: 18, length: 3 },
    ]);
  });

  it("reads a short name too (青山 without 镇)", () => {
    expect(unitsInText("青山李家村停电", names).map((m) => m.unitId)).toEqual(["qingshan"]);
  });

  it("finds nothing in a text naming no unit", () => {
    expect(unitsInText("网友称路灯不亮", names)).toEqual([]);
  });
});
