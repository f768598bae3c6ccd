/**
 * The one-line 交办 read into units (first 牵头), deadline and content, and the units' names
 * (full, without 县, without 镇/乡, the work group's) and the dialog's unit list by number or name.
 */
import { describe, expect, it } from "vitest";
import { readUnitList, unitNames } from "../../../../../src/handlers/office/unit-names.ts";
import { parseAssignLine } from "../../../../../src/handlers/supervision/assign/rules/assign-line.ts";
import { parseDeadline } from "../../../../../src/handlers/supervision/rules/deadline-phrase.ts";

const names = unitNames([
  { id: "emergency", name: "县应急管理局", groupNames: ["应急局工作群"] },
  { id: "health", name: "县卫生健康委", groupNames: ["卫健委工作群"] },
  { id: "qingshan", name: "青山镇", groupNames: ["青山镇工作群"] },
  { id: "baishui", name: "白水乡", groupNames: ["白水乡工作群"] },
  { id: "liulin", name: "柳林镇" },
  { id: "qingshan-school", name: "青山中学" },
]);
const rules = { timeZone: "Asia/Shanghai", defaultDeadline: { hour: 18, minute: 0 } };
const NOW = new Date("2026-12-07T01:00:00Z");
const isDeadline = (phrase: string) => {
  const r = parseDeadline(phrase, NOW, rules);
  return r.ok || r.problem !== "unknown";
};
const parse = (text: string) => parseAssignLine(text, names, isDeadline);

describe("the one-line 交办", () => {
  it.each([
    [
      "青山镇、白水乡 明天12时前 报送防汛物资储备情况",
      { unitIds: ["qingshan", "baishui"], deadline: "明天12时前", content: "报送防汛物资储备情况" },
    ],
    [
      "白水乡，青山镇 明天12时前 报送防汛物资储备情况",
      { unitIds: ["baishui", "qingshan"], deadline: "明天12时前", content: "报送防汛物资储备情况" },
    ],
    ["青山 白水 报送防汛物资", { unitIds: ["qingshan", "baishui"], content: "报送防汛物资" }],
    [
      "应急局和卫健委 3个工作日内报送冬季安全检查情况",
      { unitIds: ["emergency", "health"], deadline: "3个工作日内", content: "报送冬季安全检查情况" },
    ],
    [
      "应急管理局 报送情况，本周五前。",
      { unitIds: ["emergency"], deadline: "本周五前", content: "报送情况" },
    ],
    [
      "青山镇 2026-12-10 17:00 报送台账",
      { unitIds: ["qingshan"], deadline: "2026-12-10 17:00", content: "报送台账" },
    ],
    ["青山镇 明天 报送台账", { unitIds: ["qingshan"], deadline: "明天", content: "报送台账" }],
    ["青山镇、青山镇 报送台账", { unitIds: ["qingshan"], content: "报送台账" }],
    ["青山中学 报送台账", { unitIds: ["qingshan-school"], content: "报送台账" }],
    ["青山镇 明天12时前", { unitIds: ["qingshan"], deadline: "明天12时前" }],
    ["青山镇", { unitIds: ["qingshan"] }],
    ["报送防汛物资储备情况", { unitIds: [], content: "报送防汛物资储备情况" }],
    ["今天下午召开会议", { unitIds: [], content: "今天下午召开会议" }],
    ["城关镇 明天 报送", { unitIds: [], unknownUnit: "城关镇", deadline: "明天", content: "报送" }],
    // A deadline that has passed is still a deadline (the caller refuses it by name).
    ["青山镇 12月1日前 报送", { unitIds: ["qingshan"], deadline: "12月1日前", content: "报送" }],
  ])("%s", (text, expected) => {
    expect(parse(text)).toEqual(expected);
  });
});

describe("units by name", () => {
  it("knows full names, names without 县 or 镇/乡, and the work groups' names", () => {
    const byName = Object.fromEntries(names.map((n) => [n.name, n.unitId]));
    expect(byName).toMatchObject({
      县应急管理局: "emergency",
      应急管理局: "emergency",
      应急局: "emergency",
      卫健委: "health",
      青山镇: "qingshan",
      青山: "qingshan",
      白水: "baishui",
      柳林: "liulin",
      青山中学: "qingshan-school",
    });
  });

  it("drops a short name two units share, but never a full name", () => {
    const shared = unitNames([
      { id: "a", name: "东山镇" },
      { id: "b", name: "东山乡" },
      { id: "c", name: "东山" },
    ]);
    expect(shared.filter((n) => n.name === "东山").map((n) => n.unitId)).toEqual(["c"]);
    const twoTowns = unitNames([
      { id: "a", name: "东山镇" },
      { id: "b", name: "东山乡" },
    ]);
    expect(twoTowns.map((n) => n.name)).not.toContain("东山");
  });

  it("reads the dialog's answer by number or name, several, in order, each once", () => {
    const offered = ["emergency", "health", "qingshan", "baishui", "liulin"];
    expect(readUnitList("3、1", offered, names)).toEqual({ unitIds: ["qingshan", "emergency"], unknown: [] });
    expect(readUnitList("3 1", offered, names)).toEqual({ unitIds: ["qingshan", "emergency"], unknown: [] });
    expect(readUnitList("４,5", offered, names)).toEqual({ unitIds: ["baishui", "liulin"], unknown: [] });
    expect(readUnitList("青山镇、2、青山", offered, names)).toEqual({
      unitIds: ["qingshan", "health"],
      unknown: [],
    });
    expect(readUnitList("6、城关镇、1", offered, names)).toEqual({
      unitIds: ["emergency"],
      unknown: ["6", "城关镇"],
    });
  });
});
