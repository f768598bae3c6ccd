import { describe, expect, it } from "vitest";
import { findMentions } from "../../../../../src/bot/adapters/console/mentions.ts";
import { Directory } from "../../../../../src/bot/core/directory.ts";
import { orgSchema } from "../../../../../src/config/org.ts";

const directory = new Directory(
  orgSchema.parse({
    bot: { name: "快报助手" },
    units: [{ id: "qingshan", name: "青山镇" }],
    people: [
      { id: "zhangsan", name: "张三", unit: "qingshan", roles: ["reporter"] },
      { id: "li-shuji", name: "李书记", unit: "qingshan", roles: ["leader"] },
    ],
  }),
);

describe("findMentions", () => {
  it("finds the bot by its display name", () => {
    expect(findMentions("@快报助手 /登记", directory)).toEqual(["bot"]);
  });

  it("finds the bot by @bot in any case, but not a longer word", () => {
    expect(findMentions("@bot 帮助", directory)).toEqual(["bot"]);
    expect(findMentions("@Bot", directory)).toEqual(["bot"]);
    expect(findMentions("@bot，帮助", directory)).toEqual(["bot"]);
    expect(findMentions("@botany", directory)).toEqual([]);
  });

  it("finds people by name, once each, without spaces around", () => {
    expect(findMentions("请@李书记阅示，@张三 跟进；@张三", directory).sort()).toEqual([
      "li-shuji",
      "zhangsan",
    ]);
  });

  it("finds the bot and people together", () => {
    expect(findMentions("@快报助手 提醒 @张三", directory)).toEqual(["bot", "zhangsan"]);
  });

  it("ignores names without @ and unknown names", () => {
    expect(findMentions("张三说李书记已阅，@王五 也知道", directory)).toEqual([]);
  });
});
