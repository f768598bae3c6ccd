/** The org file's validation: each problem names the file, the path inside it and, in Chinese, what is wrong. */
import { describe, expect, it } from "vitest";
import { ConfigError, parseYaml } from "../../../src/config/load.ts";
import { orgSchema } from "../../../src/config/org.ts";

const FILE = "config/org.yaml";

const VALID = `
bot: { name: 快报助手 }
units:
  - { id: qingshan, name: 青山镇 }
  - { id: baishui, name: 白水乡 }
people:
  - { id: zhangsan, name: 张三, unit: qingshan, roles: [reporter], phone: "13800000041" }
  - { id: lisi, name: 李四, unit: baishui, roles: [reporter, director] }
  - { id: wangwu, name: 王五, unit: baishui, roles: [duty] }
groups:
  - { id: qingshan-work, name: 青山镇工作群, unit: qingshan, purpose: unit, members: [zhangsan] }
  - { id: duty, name: 总值班室, purpose: duty, members: [wangwu] }
`;

/** The problems of an org file, or a failed test when it is accepted. */
function problems(source: string): { path: string; message: string }[] {
  try {
    parseYaml(FILE, source, orgSchema);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const configError = error as ConfigError;
    expect(configError.file).toBe(FILE);
    expect(configError.message).toContain(`配置文件 ${FILE} 有误`);
    return configError.problems;
  }
  return expect.fail("the org file was accepted");
}

const CHINESE = /[\u4e00-\u9fff]/;

describe("org file", () => {
  it("accepts a valid org and fills in defaults", () => {
    const org = parseYaml(FILE, VALID, orgSchema);
    expect(org.people.map((p) => p.id)).toEqual(["zhangsan", "lisi", "wangwu"]);
    expect(org.groups[1]?.purpose).toBe("duty");
    const noGroups = parseYaml(FILE, VALID.replace(/groups:[\s\S]*$/, ""), orgSchema);
    expect(noGroups.groups).toEqual([]);
  });

  it("names people[2].unit when a person's unit does not exist", () => {
    const found = problems(VALID.replace("unit: baishui, roles: [duty]", "unit: liulin, roles: [duty]"));
    expect(found).toEqual([{ path: "people[2].unit", message: "没有这个单位：liulin" }]);
  });

  it("reports a duplicate person id at the second person", () => {
    const found = problems(VALID.replace("id: wangwu, name: 王五", "id: zhangsan, name: 王五"));
    expect(found).toContainEqual({ path: "people[2].id", message: "人员 id 重复：zhangsan" });
    // The duty group still lists wangwu, who is gone now: that is reported too, at its own path.
    expect(found).toContainEqual({ path: "groups[1].members[0]", message: "没有这个人员：wangwu" });
    expect(found).toHaveLength(2);
  });

  it("reports a duplicate person name", () => {
    const found = problems(VALID.replace("name: 王五", "name: 李四"));
    expect(found).toEqual([{ path: "people[2].name", message: "人员姓名重复：李四" }]);
  });

  it("reports a duplicate group id or name", () => {
    const found = problems(VALID.replace("id: duty, name: 总值班室", "id: duty, name: 青山镇工作群"));
    expect(found).toEqual([{ path: "groups[1]", message: "群 id 或名称重复：青山镇工作群" }]);
  });

  it("reports a group member who is not in the people list", () => {
    const found = problems(VALID.replace("members: [wangwu]", "members: [wangwu, nobody]"));
    expect(found).toEqual([{ path: "groups[1].members[1]", message: "没有这个人员：nobody" }]);
  });

  it("requires a unit for a unit group", () => {
    const found = problems(
      VALID.replace(
        "{ id: qingshan-work, name: 青山镇工作群, unit: qingshan,",
        "{ id: qingshan-work, name: 青山镇工作群,",
      ),
    );
    expect(found).toEqual([{ path: "groups[0].unit", message: "单位工作群必须写明所属单位 unit" }]);
  });

  it("reports a group's unknown unit", () => {
    const found = problems(VALID.replace("unit: qingshan, purpose: unit", "unit: liulin, purpose: unit"));
    expect(found).toEqual([{ path: "groups[0].unit", message: "没有这个单位：liulin" }]);
  });

  it.each([
    ["an id with capitals", "id: zhangsan, name: 张三", "id: ZhangSan, name: 张三", "people[0].id"],
    ["an unknown role", "roles: [duty]", "roles: [boss]", "people[2].roles[0]"],
    ["no roles", "roles: [duty]", "roles: []", "people[2].roles"],
    ["a short phone number", 'phone: "13800000041"', 'phone: "1380000"', "people[0].phone"],
    ["an unknown key", "roles: [duty] }", "roles: [duty], email: a@b.c }", "people[2]"],
    ["an unknown group purpose", "purpose: duty", "purpose: party", "groups[1].purpose"],
  ])("names the path of %s, in Chinese", (_what, from, to, path) => {
    expect(VALID).toContain(from);
    const found = problems(VALID.replace(from, to));
    const problem = found.find((p) => p.path === path);
    expect(problem, JSON.stringify(found)).toBeDefined();
    expect(problem?.message).toMatch(CHINESE);
  });

  it("names a missing top-level key", () => {
    const found = problems(VALID.replace("bot: { name: 快报助手 }", ""));
    expect(found.map((p) => p.path)).toEqual(["bot"]);
    expect(found[0]?.message).toMatch(CHINESE);
  });

  it("lists every field problem at once, each with its own path", () => {
    const found = problems(
      VALID.replace("roles: [duty]", "roles: [boss]").replace('phone: "13800000041"', 'phone: "12"'),
    );
    expect(found.map((p) => p.path).sort()).toEqual(["people[0].phone", "people[2].roles[0]"]);
  });

  it("gives the line of a YAML syntax error", () => {
    const found = problems("bot: { name: 快报助手 }\nunits:\n  - { id: a, name: A\npeople: []\n");
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]?.path).toMatch(/^第 \d+ 行$/);
    expect(found[0]?.message).toContain("YAML 格式错误");
  });
});
