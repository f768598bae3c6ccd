import { describe, expect, it } from "vitest";
import {
  placeAfterPreposition,
  placeAtStart,
  wholePlace,
} from "../../../../../src/handlers/incident/understanding/place-name.ts";

describe("placeAtStart", () => {
  it.each([
    ["青山镇李家村村道", "青山镇李家村村道"],
    ["青山镇石门村", "青山镇石门村"],
    ["县城东大街88号一民房", "县城东大街88号一民房"],
    ["县第一中学部分学生在食堂晚餐后陆续", "县第一中学"],
    ["G210国道K1520+300处（白水乡路段）一辆货车与一辆面包车", "G210国道K1520+300处（白水乡路段）"],
    ["S225省道青山镇段K36处", "S225省道青山镇段K36处"],
    ["青山镇中心小学旁一处在建工地", "青山镇中心小学旁一处在建工地"],
    ["县城锦绣花园小区5栋一楼商铺", "县城锦绣花园小区5栋一楼商铺"],
    ["白水乡一养殖场3名工人在清理化粪池时", "白水乡一养殖场"],
    ["县城滨河路一烧烤店内两伙人因琐事", "县城滨河路一烧烤店内"],
    ["白水乡中心小学放学时", "白水乡中心小学"],
    ["位于县城北郊的某化工厂", "县城北郊的某化工厂"],
    ["在青山镇政府大院", "青山镇政府大院"],
    ["青山镇、白水乡部分道路", "青山镇、白水乡"],
    ["我县青山镇", "我县青山镇"],
    ["我县", "我县"],
    ["县城人民广场有30余名外地务工人员", "县城人民广场"],
    ["青山镇青山村一村民家中", "青山镇青山村"],
    ["白水乡白水河大桥下游约200米处", "白水乡白水河大桥下游约200米处"],
  ])("%s → %s", (text, place) => {
    expect(placeAtStart(text)).toBe(place);
  });

  it.each([
    "约50名群众因征地补偿问题在县政府门口",
    "有群众报告称一名男子",
    "3名小学生结伴戏水时",
    "一辆货车与一辆面包车",
    "均来自白水乡同一自然村",
    "网络上",
    "县",
    "号",
    "",
  ])("finds no place at the start of %j", (text) => {
    expect(placeAtStart(text)).toBeUndefined();
  });
});

describe("placeAfterPreposition", () => {
  it.each([
    ["约50名群众因征地补偿问题在县政府门口聚集", "县政府门口"],
    ["一名男子在青山水库游泳时失踪", "青山水库"],
    ["有人在县城人民广场聚集", "县城人民广场"],
    ["事故位于S225省道青山镇段K36处", "S225省道青山镇段K36处"],
  ])("%s → %s", (text, place) => {
    expect(placeAfterPreposition(text)).toBe(place);
  });

  it.each(["县应急局于14时35分接到报告", "一处在建工地", "正在处置", "在现场"])(
    "finds no place in %s",
    (text) => {
      expect(placeAfterPreposition(text)).toBeUndefined();
    },
  );
});

describe("wholePlace", () => {
  it("accepts a clause that is all place", () => {
    expect(wholePlace("白水乡白水河大桥下游约200米处")).toBe("白水乡白水河大桥下游约200米处");
    expect(wholePlace("在青山镇李家村")).toBe("青山镇李家村");
  });

  it("refuses a clause that goes on after the place", () => {
    expect(wholePlace("青山镇李家村发生火灾")).toBeUndefined();
    expect(wholePlace("均来自白水乡同一自然村")).toBeUndefined();
  });
});
