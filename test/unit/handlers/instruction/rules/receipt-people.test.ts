import { describe, expect, it } from "vitest";
import type { Person } from "../../../../../src/config/org.ts";
import { inRankOrder, receiptPeople } from "../../../../../src/handlers/instruction/rules/receipt-people.ts";

const person = (id: string, unit: string, roles: Person["roles"]): Person => ({ id, name: id, unit, roles });

const people: Person[] = [
  person("li-shuji", "county-office", ["leader"]),
  person("zhao-mishuzhang", "county-office", ["director", "leader"]),
  person("zhangsan", "qingshan", ["reporter"]),
  person("qian-zhenzhang", "qingshan", ["director"]),
  person("fu-zhenzhang", "qingshan", ["director"]),
  person("lisi", "baishui", ["reporter"]),
  person("he-xiangzhang", "baishui", ["director"]),
];

describe("receiptPeople", () => {
  it("asks the reporting unit's directors and the reporter", () => {
    expect(receiptPeople({ unitId: "qingshan", reporterId: "zhangsan" }, people, "li-shuji")).toEqual([
      "qian-zhenzhang",
      "fu-zhenzhang",
      "zhangsan",
    ]);
  });

  it("never asks another unit's people", () => {
    expect(receiptPeople({ unitId: "baishui", reporterId: "lisi" }, people, "li-shuji")).toEqual([
      "he-xiangzhang",
      "lisi",
    ]);
  });

  it("lists a director who reported once", () => {
    expect(receiptPeople({ unitId: "qingshan", reporterId: "qian-zhenzhang" }, people, "li-shuji")).toEqual([
      "qian-zhenzhang",
      "fu-zhenzhang",
    ]);
  });

  it("does not ask the leader who gave the instruction", () => {
    expect(
      receiptPeople({ unitId: "county-office", reporterId: "zhao-mishuzhang" }, people, "zhao-mishuzhang"),
    ).toEqual([]);
  });

  it("leaves out a reporter no longer in the org file", () => {
    expect(receiptPeople({ unitId: "baishui", reporterId: "gone" }, people, "li-shuji")).toEqual([
      "he-xiangzhang",
    ]);
  });

  it("asks only the reporter when the unit has no director", () => {
    expect(
      receiptPeople(
        { unitId: "liulin", reporterId: "wangwu" },
        [...people, person("wangwu", "liulin", ["reporter"])],
        "li-shuji",
      ),
    ).toEqual(["wangwu"]);
  });
});

describe("inRankOrder", () => {
  it("puts directors first, then the org file's order", () => {
    expect(inRankOrder(["zhangsan", "fu-zhenzhang", "lisi", "qian-zhenzhang"], people)).toEqual([
      "qian-zhenzhang",
      "fu-zhenzhang",
      "zhangsan",
      "lisi",
    ]);
  });

  it("puts people not in the org file last, by id", () => {
    expect(inRankOrder(["zz-gone", "zhangsan", "aa-gone"], people)).toEqual([
      "zhangsan",
      "aa-gone",
      "zz-gone",
    ]);
  });
});
