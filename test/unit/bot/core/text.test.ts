import { describe, expect, it } from "vitest";
import { normalizeText, splitCommand, stripBotMention } from "../../../../src/bot/core/text.ts";

describe("normalizeText", () => {
  it("turns full-width digits into ASCII digits", () => {
    expect(normalizeText("１３８０００００００４")).toBe("13800000004");
    expect(normalizeText("０１２３４５６７８９")).toBe("0123456789");
  });

  it("turns full-width letters, ／ and ＠ into ASCII", () => {
    expect(normalizeText("／ｈｅｌｐ")).toBe("/help");
    expect(normalizeText("＠ＢＯＴ")).toBe("@BOT");
  });

  it("keeps Chinese punctuation", () => {
    const text = "青山镇：发生山体滑坡，无人员伤亡？请核实！（初报）。";
    expect(normalizeText(text)).toBe(text);
  });

  it("turns ideographic spaces into spaces and trims", () => {
    expect(normalizeText("\u3000登记\u3000张三\u3000")).toBe("登记 张三");
    expect(normalizeText("  13912345678 \n")).toBe("13912345678");
  });
});

describe("stripBotMention", () => {
  it("removes the bot's display name mention", () => {
    expect(stripBotMention("@快报助手 /登记", "快报助手")).toBe("/登记");
    expect(stripBotMention("请 @快报助手 登记", "快报助手")).toBe("请 登记");
  });

  it("removes @bot in any case", () => {
    expect(stripBotMention("@bot /whoami", "快报助手")).toBe("/whoami");
    expect(stripBotMention("@BOT 帮助", "快报助手")).toBe("帮助");
  });

  it("removes a mention followed directly by Chinese punctuation", () => {
    expect(stripBotMention("@快报助手，我是谁", "快报助手")).toBe("，我是谁");
  });

  it("leaves other people's mentions and words that only start like the bot", () => {
    expect(stripBotMention("@张三 看一下", "快报助手")).toBe("@张三 看一下");
    expect(stripBotMention("@botany 植物", "快报助手")).toBe("@botany 植物");
  });

  it("treats regex characters in the bot's name literally", () => {
    expect(stripBotMention("@值班.bot+ 帮助", "值班.bot+")).toBe("帮助");
    expect(stripBotMention("@值班xbot+ 帮助", "值班.bot+")).toBe("@值班xbot+ 帮助");
  });

  it("collapses the spaces left behind", () => {
    expect(stripBotMention("上报   @bot   今天", "快报助手")).toBe("上报 今天");
  });
});

describe("splitCommand", () => {
  it("splits the first word from the rest", () => {
    expect(splitCommand("上报 今天 上午 十点")).toEqual(["上报", "今天 上午 十点"]);
    expect(splitCommand("/登记")).toEqual(["/登记", ""]);
    expect(splitCommand("批示\n请立即处置")).toEqual(["批示", "请立即处置"]);
  });

  it("gives empty parts for empty text", () => {
    expect(splitCommand("")).toEqual(["", ""]);
  });
});

describe("normalise, then strip (what the pipeline does)", () => {
  it("understands a full-width command after a mention", () => {
    expect(stripBotMention(normalizeText("＠快报助手　／登记"), "快报助手")).toBe("/登记");
  });
});

describe("splitCommand with Chinese punctuation", () => {
  it("ends the command word at a Chinese comma, colon or exclamation", () => {
    expect(splitCommand("收到，马上落实")).toEqual(["收到", "马上落实"]);
    expect(splitCommand("上报：今天14时20分，青山镇")).toEqual(["上报", "今天14时20分，青山镇"]);
    expect(splitCommand("收到！")).toEqual(["收到", ""]);
    expect(splitCommand("批示 2026-0042 请立即组织救援，做好伤员救治")).toEqual([
      "批示",
      "2026-0042 请立即组织救援，做好伤员救治",
    ]);
  });
});
