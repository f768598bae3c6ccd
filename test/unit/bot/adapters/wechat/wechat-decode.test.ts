/** WeChat's decode on recorded messages (test/fixtures/wechat): the text, reply codes, the events. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  decodeWechatMessage,
  type WechatMessageRecord,
  wechatPress,
  wechatSaid,
  wechatText,
} from "../../../../../src/bot/adapters/wechat/wechat-decode.ts";

const record = (name: string): WechatMessageRecord =>
  JSON.parse(readFileSync(`test/fixtures/wechat/${name}`, "utf8"));

describe("WeChat decode", () => {
  it("reads a group message without the bot's @-mention, and makes it a neutral event", () => {
    const said = decodeWechatMessage(record("group-message.json"), "快报助手");
    expect(said).toMatchObject({
      roomId: "20488211532@chatroom",
      text: "上报 青山镇李家村村道两车相撞",
      mentionsBot: true,
      codeReply: null,
      bareNumber: false,
    });
    expect(wechatSaid(said, { chatId: "qingshan-work", personId: "zhangsan" }, ["bot"])).toEqual({
      platform: "wechat",
      eventId: "3151826547282017683",
      chatId: "qingshan-work",
      senderId: "zhangsan",
      senderName: "张三",
      text: "上报 青山镇李家村村道两车相撞",
      mentions: ["bot"],
      receivedAt: new Date("2026-03-02T06:25:00.000Z"),
    });
  });

  it("reads a reply code and makes it the pressed button of the card it was issued for", () => {
    const said = decodeWechatMessage(record("code-reply.json"), "快报助手");
    expect(said.codeReply).toEqual({ code: "7", label: "已阅" });
    expect(
      wechatPress(
        said,
        { chatId: "leaders", personId: "li-shuji" },
        { action: "inc:ack:1", messageKey: "alert-1" },
      ),
    ).toMatchObject({ text: "", mentions: [], action: { value: "inc:ack:1", messageId: "alert-1" } });
  });

  it.each([
    ["the mention with WeChat's U+2005 separator", "@快报助手\u2005帮助", "帮助"],
    ["another person's mention kept", "@快报助手 请@钱镇长\u2005到场", "请@钱镇长 到场"],
    ["a bot name with regex characters", "@快报(测试) 帮助", "@快报(测试) 帮助"],
  ])("strips %s", (_title, raw, text) => {
    expect(wechatText(raw, "快报助手")).toBe(text);
  });

  it("tells a bare number apart", () => {
    const said = decodeWechatMessage({ ...record("code-reply.json"), text: " 2 " }, "快报助手");
    expect(said).toMatchObject({ bareNumber: true, codeReply: null });
  });
});
