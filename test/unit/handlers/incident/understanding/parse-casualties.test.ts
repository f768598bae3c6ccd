import { describe, expect, it } from "vitest";
import { countsOf, scanCasualties } from "../../../../../src/handlers/incident/understanding/casualties.ts";
import {
  DEFAULT_MAX_CASUALTIES,
  parseCasualties,
} from "../../../../../src/handlers/incident/understanding/parse-casualties.ts";

const counts = (deaths: number, injured: number, missing: number) => ({ deaths, injured, missing });

describe("parseCasualties: none", () => {
  it.each([
    "无",
    "无。",
    " 无 ",
    "没有",
    "没",
    "暂无",
    "都没有",
    "0",
    "０",
    "零",
    "无伤亡",
    "没有伤亡",
    "无人员伤亡",
    "无人伤亡",
    "没有人员伤亡",
    "暂无人员伤亡",
    "未造成人员伤亡",
    "未发现人员伤亡",
    "暂未发现人员伤亡",
    "暂未收到人员伤亡报告",
    "并无人员伤亡",
    "无人员死亡",
    "无新增死亡",
    "未新增人员伤亡",
  ])("%j is no casualties", (text) => {
    expect(parseCasualties(text)).toEqual({ ok: true, value: counts(0, 0, 0) });
  });
});

describe("parseCasualties: counts", () => {
  it.each<[string, number, number, number]>([
    ["2死3伤", 2, 3, 0],
    ["2死3伤1失联", 2, 3, 1],
    ["2死3伤1失踪", 2, 3, 1],
    ["死亡2人，受伤3人", 2, 3, 0],
    ["死亡2人,受伤3人", 2, 3, 0],
    ["死亡2人受伤3人", 2, 3, 0],
    ["死亡2人、受伤3人、失联1人", 2, 3, 1],
    ["2人死亡、3人受伤、1人失联", 2, 3, 1],
    ["2人死亡，3人受伤，1人失联", 2, 3, 1],
    ["2人死亡3人受伤", 2, 3, 0],
    ["死2伤3失联1", 2, 3, 1],
    ["死2伤3", 2, 3, 0],
    ["两人死亡", 2, 0, 0],
    ["两死", 2, 0, 0],
    ["一死两伤", 1, 2, 0],
    ["二死三伤", 2, 3, 0],
    ["3人受伤", 0, 3, 0],
    ["三人受伤", 0, 3, 0],
    ["受伤3人", 0, 3, 0],
    ["伤3人", 0, 3, 0],
    ["1人失联", 0, 0, 1],
    ["失联1人", 0, 0, 1],
    ["1人下落不明", 0, 0, 1],
    ["1人失踪", 0, 0, 1],
    ["1名老人走失", 0, 0, 1],
    ["2人遇难", 2, 0, 0],
    ["1人身亡", 1, 0, 0],
    ["1人溺水身亡", 1, 0, 0],
    ["1人溺亡", 1, 0, 0],
    ["3名群众受伤", 0, 3, 0],
    ["1名司机当场死亡", 1, 0, 0],
    ["一名男子在青山水库游泳时失踪", 0, 0, 1],
    ["十人受伤", 0, 10, 0],
    ["十二人受伤", 0, 12, 0],
    ["二十人受伤", 0, 20, 0],
    ["三十五人受伤", 0, 35, 0],
    ["十余人受伤", 0, 10, 0],
    ["20多人受伤", 0, 20, 0],
    ["1死", 1, 0, 0],
    ["死亡人数为2", 2, 0, 0],
    ["死亡人数:2人", 2, 0, 0],
    ["死亡0人，受伤2人", 0, 2, 0],
    ["无人死亡，3人受伤", 0, 3, 0],
    ["暂无死亡，3人受伤", 0, 3, 0],
    ["2人死亡，暂无受伤", 2, 0, 0],
    ["造成2人死亡、3人受伤", 2, 3, 0],
    ["致1死2伤", 1, 2, 0],
    // Light and serious injuries add up; a breakdown after 其中 does not count twice.
    ["5名学生轻伤、1名学生重伤", 0, 6, 0],
    ["轻伤2人，重伤1人", 0, 3, 0],
    ["造成3人受伤，其中重伤1人", 0, 3, 0],
    ["造成1人死亡、4人受伤（其中重伤1人）", 1, 4, 0],
    ["造成3人伤亡，其中1人死亡、2人受伤", 1, 2, 0],
    ["3名工人被困，其中2人死亡", 2, 0, 0],
    ["2人死亡，1人受伤正在县医院救治", 2, 1, 0],
    ["死亡２人，受伤３人", 2, 3, 0],
    // People taken to hospital are the injured when no injured count is written.
    ["无死亡，12名学生送医观察", 0, 12, 0],
    ["已有27名学生送县人民医院就诊", 0, 27, 0],
    ["3人住院治疗", 0, 3, 0],
    ["5人住院，其中3人重伤", 0, 5, 0],
    ["无新增死亡，5人住院，其中3人重伤", 0, 5, 0],
    ["造成2人受伤，2名伤员已送医救治", 0, 2, 0],
  ])("%s", (text, deaths, injured, missing) => {
    const result = parseCasualties(text);
    expect(result.ok).toBe(true);
    expect(result.ok && countsOf(result.value)).toEqual(counts(deaths, injured, missing));
  });
});

describe("parseCasualties: the person's words", () => {
  // [reply, counts (null: written without numbers), words kept]
  it.each<[string, ReturnType<typeof counts> | null, boolean]>([
    ["2死3伤", counts(2, 3, 0), false],
    ["造成2人死亡、3人受伤", counts(2, 3, 0), false],
    ["死亡2人，受伤3人", counts(2, 3, 0), false],
    ["无人员伤亡", counts(0, 0, 0), false],
    ["死亡1人，受伤4人（其中2人重伤）", counts(1, 4, 0), true],
    ["造成3人受伤，其中重伤1人", counts(0, 3, 0), true],
    ["无死亡，12名学生送医观察", counts(0, 12, 0), true],
    ["3名工人被困，其中2人死亡", counts(2, 0, 0), true],
    ["2人死亡，1人受伤正在县医院救治", counts(2, 1, 0), true],
    ["无人员伤亡，2人被困", counts(0, 0, 0), true],
    // People hurt, in hospital, trapped or missing without a number: the words alone.
    ["3人被困", null, true],
    ["多名学生送医观察", null, true],
    ["无人员死亡，多名学生送医观察", null, true],
    ["2人死亡，受伤人数不详", null, true],
    ["伤员3名", null, true],
    ["有人受伤", null, true],
    ["正在搜救失联人员", null, true],
  ])("%s", (text, expected, kept) => {
    const result = parseCasualties(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(countsOf(result.value)).toEqual(expected);
    expect(result.value?.words).toBe(kept ? text : undefined);
  });
});

describe("parseCasualties: not known yet", () => {
  it.each([
    "不清楚",
    "暂不清楚",
    "尚不清楚",
    "不详",
    "伤亡不详",
    "伤亡情况不明",
    "未知",
    "待核实",
    "正在核实",
    "伤亡情况正在核实",
    "核实中",
    "尚未统计",
    "正在统计",
    "不知道",
    "还不知道",
    "无法确认",
    "暂不掌握",
    "待确认",
    "说不准",
  ])("%j is null", (text) => {
    expect(parseCasualties(text)).toEqual({ ok: true, value: null });
  });
});

describe("parseCasualties: refusals", () => {
  const reasonFor = (text: string, max?: number) => {
    const result = parseCasualties(text, max);
    expect(result.ok, text).toBe(false);
    return result.ok ? "" : result.reason;
  };

  it.each(["-2人死亡", "死亡-2人", "负2人死亡", "死亡−1人"])("refuses a negative count: %s", (text) => {
    expect(reasonFor(text)).toContain("不能是负数");
  });

  it.each(["1.5人死亡", "受伤2.5人"])("refuses a fractional count: %s", (text) => {
    expect(reasonFor(text)).toContain("整数");
  });

  it.each<[string, number, number]>([
    ["20000人受伤", DEFAULT_MAX_CASUALTIES, 20000],
    ["死亡10001人", DEFAULT_MAX_CASUALTIES, 10001],
    ["2死300伤", 100, 300],
    ["101人失联", 100, 101],
  ])("refuses %s above the maximum %i", (text, max, count) => {
    const reason = reasonFor(text, max);
    expect(reason).toContain(`人数 ${count} 超出了合理范围`);
    expect(reason).toContain(`每项最多 ${max}`);
  });

  it("refuses a sum above the maximum", () => {
    expect(reasonFor("轻伤60人，重伤60人", 100)).toContain("人数 120");
  });

  it("refuses an endless run of numerals rather than reading it", () => {
    expect(parseCasualties(`${"一二三".repeat(3000)}人死亡`).ok).toBe(false);
    expect(parseCasualties(`${"9".repeat(5000)}人死亡`)).toMatchObject({ ok: false });
  });

  it("accepts counts up to the maximum", () => {
    expect(parseCasualties("100人受伤", 100)).toEqual({ ok: true, value: counts(0, 100, 0) });
  });

  it.each(["3人伤亡", "造成2人伤亡", "伤亡3人", "伤亡人数为3"])(
    "asks to separate deaths and injured in %s",
    (text) => {
      expect(reasonFor(text)).toContain("分开写死亡和受伤");
    },
  );

  it.each(["", "   ", "2", "有", "好的", "hello", "很多"])("lists the understood forms for %j", (text) => {
    const reason = reasonFor(text);
    expect(reason).toContain("没看懂伤亡情况");
    expect(reason).toContain("2死3伤");
    expect(reason).toContain("不清楚");
  });
});

describe("scanCasualties", () => {
  it("reports what it saw without judging it", () => {
    expect(scanCasualties("死亡-2人，受伤20000人")).toMatchObject({
      counts: { deaths: 2, injured: 20000, missing: 0 },
      counted: true,
      negative: true,
      numbers: [2, 20000],
    });
  });

  it("notices none, unknown and mixed phrases in running text", () => {
    expect(scanCasualties("火势已被扑灭，未造成人员伤亡。")).toMatchObject({ counted: false, none: true });
    expect(scanCasualties("伤亡情况正在进一步核实中。")).toMatchObject({ counted: false, unknown: true });
    expect(scanCasualties("事故造成3人伤亡。")).toMatchObject({ counted: false, mixed: true });
  });

  it.each([
    "镇长已带队赶赴现场，伤员已送县医院救治",
    "伤者已送医，无生命危险",
    "约50名群众因征地补偿问题在县政府门口聚集",
    "转移群众1200余人",
    "3个村庄进水受淹",
    "死者家属情绪稳定",
    "电话13800000042",
  ])("counts nobody in %s", (text) => {
    expect(scanCasualties(text).counted).toBe(false);
  });
});
