/** A mention reaches only a chat's members: membersAmong keeps those of some people who are in the chat. */
import { describe, expect, it } from "vitest";
import { Directory } from "../../../../src/bot/core/directory.ts";
import { sampleConfig } from "../../../support/app.ts";

const directory = new Directory((await sampleConfig()).org);

describe("Directory.membersAmong", () => {
  it("keeps the group's members, in the order given", () => {
    expect(directory.membersAmong("duty", ["li-shuji", "zhou-zhiban", "sun-zhiban"])).toEqual([
      "zhou-zhiban",
      "sun-zhiban",
    ]);
    expect(directory.membersAmong("青山镇工作群", ["zhou-zhiban", "zhangsan"])).toEqual(["zhangsan"]);
  });

  it("keeps only the owner of a one-to-one chat, and nobody of an unknown chat", () => {
    expect(directory.membersAmong("dm:zhangsan", ["lisi", "zhangsan"])).toEqual(["zhangsan"]);
    expect(directory.membersAmong("no-such-chat", ["zhangsan"])).toEqual([]);
  });
});
