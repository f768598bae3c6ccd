/** The directory's look-ups over the sample org file: groups by purpose, people by role. */
import { describe, expect, it } from "vitest";
import { Directory } from "../../../../src/bot/core/directory.ts";
import { sampleConfig } from "../../../support/app.ts";

const directory = new Directory((await sampleConfig()).org);
const ids = (items: { id: string }[]) => items.map((item) => item.id);

describe("Directory.groupsWithPurpose", () => {
  it("finds the groups of one purpose, in the org file's order", () => {
    expect(ids(directory.groupsWithPurpose("duty"))).toEqual(["duty"]);
    expect(ids(directory.groupsWithPurpose("unit"))).toEqual([
      "emergency-work",
      "health-work",
      "qingshan-work",
      "baishui-work",
      "liulin-work",
    ]);
  });

  it("finds the groups of any of several purposes, in the org file's order", () => {
    expect(ids(directory.groupsWithPurpose("duty", "leaders"))).toEqual(["leaders", "duty"]);
  });

  it("finds nothing for no purpose", () => {
    expect(directory.groupsWithPurpose()).toEqual([]);
  });
});

describe("Directory.dutyChatId", () => {
  it("is the duty group, and nothing in an org without one", async () => {
    expect(directory.dutyChatId()).toBe("duty");
    const org = (await sampleConfig()).org;
    const withoutDuty = new Directory({ ...org, groups: org.groups.filter((g) => g.purpose !== "duty") });
    expect(withoutDuty.dutyChatId()).toBeUndefined();
  });
});

describe("Directory.withRole", () => {
  it("finds the people with a role, optionally of one unit", () => {
    expect(ids(directory.withRole("duty"))).toEqual(["sun-zhiban", "zhou-zhiban", "wu-zhuren"]);
    expect(ids(directory.withRole("director", "qingshan"))).toEqual(["qian-zhenzhang"]);
  });

  it("finds the people with any of several roles once each, in the org file's order", () => {
    expect(ids(directory.withRole(["duty", "leader"]))).toEqual([
      "li-shuji",
      "wang-xianzhang",
      "zhao-mishuzhang",
      "sun-zhiban",
      "zhou-zhiban",
      "wu-zhuren",
    ]);
  });

  it("finds nobody for no role", () => {
    expect(directory.withRole([])).toEqual([]);
  });
});

describe("Directory.personName", () => {
  it("names a known person, and falls back to the id for someone the org file does not know", () => {
    expect(directory.personName("zhangsan")).toBe("张三");
    expect(directory.personName("left-last-year")).toBe("left-last-year");
  });
});
