/**
 * Message content both ways, on recorded payloads (test/fixtures/feishu) flattened by the SDK's own
 * EventDispatcher as the adapter receives them.
 */
import { readFileSync } from "node:fs";
import * as lark from "@larksuiteoapi/node-sdk";
import { describe, expect, it } from "vitest";
import { verifyAction } from "../../../../../src/bot/adapters/feishu/action-signature.ts";
import {
  inboundText,
  readMentions,
  textContent,
} from "../../../../../src/bot/adapters/feishu/feishu-content.ts";
import {
  botAdded,
  cardAction,
  messageReceived,
} from "../../../../../src/bot/adapters/feishu/inbound/feishu-events.ts";

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(`test/fixtures/feishu/${name}`, "utf8"));
}

/** What the SDK hands a handler for a payload. */
async function flattened(payload: unknown): Promise<unknown> {
  let seen: unknown;
  const dispatcher = new lark.EventDispatcher({ loggerLevel: lark.LoggerLevel.error }).register({
    "im.message.receive_v1": async (data: unknown) => {
      seen = data;
    },
    "card.action.trigger": async (data: unknown) => {
      seen = data;
    },
    "im.chat.member.bot.added_v1": async (data: unknown) => {
      seen = data;
    },
  });
  await dispatcher.invoke(payload, { needCheck: false });
  return seen;
}

const people: Record<string, { id: string; name: string }> = {
  ou_bot: { id: "bot", name: "快报助手" },
  ou_qian_zhenzhang: { id: "qian-zhenzhang", name: "钱镇长" },
};

describe("inbound content", () => {
  it("reads @_user_N placeholders: the bot, known people, and strangers by their Feishu name", async () => {
    const event = messageReceived.parse(await flattened(fixture("message-with-mentions.json")));
    expect(event.event_id).toBe("5e3702a84e847582be8db7fb73283c02");
    const text = inboundText(event.message.message_type, event.message.content) ?? "";
    const read = readMentions(text, event.message.mentions ?? [], (m) => people[m.id?.open_id ?? ""]);
    expect(read.text).toBe("@快报助手 批示 2026-0001 @钱镇长 @外单位某人 请立即组织救援");
    expect(read.mentions).toEqual(["bot", "qian-zhenzhang"]);
  });

  it("flattens rich text (post): title, paragraphs, mentions; images dropped", async () => {
    const event = messageReceived.parse(await flattened(fixture("post-message.json")));
    const text = inboundText(event.message.message_type, event.message.content);
    expect(text).toBe("续报\n@_user_1 续报 2026-0001\n伤员已全部送医");
    expect(
      inboundText(
        "post",
        JSON.stringify({ zh_cn: { title: "", content: [[{ tag: "text", text: "收到" }]] } }),
      ),
    ).toBe("收到");
  });

  it("reads nothing from images, files or broken content", () => {
    expect(inboundText("image", JSON.stringify({ image_key: "img_x" }))).toBeUndefined();
    expect(inboundText("text", "{not json")).toBeUndefined();
    expect(inboundText("text", JSON.stringify({ text: 42 }))).toBeUndefined();
  });

  it("reads a recorded button press, whose made-up signature does not verify", async () => {
    const action = cardAction.parse(await flattened(fixture("card-action.json")));
    expect(action.operator.open_id).toBe("ou_wang_xianzhang");
    expect(action.context).toEqual({ open_message_id: "om_alert_1", open_chat_id: "oc_leaders" });
    expect(action.action.value).toEqual({ a: "inc:ack:1", k: "incident-1-alert-1", s: "0000" });
    expect(verifyAction("app-secret", action.action.value)).toBeUndefined();
  });

  it("parses card actions with form values and the bot-added event", async () => {
    const action = cardAction.parse(await flattened(fixture("form-submit.json")));
    expect(action.operator.open_id).toBe("ou_zhangsan");
    expect(action.action.form_value).toMatchObject({ location: "青山镇李家村村道", injured: 5 });
    expect(action.context.open_message_id).toBe("om_form_1");
    const added = botAdded.parse(await flattened(fixture("bot-added.json")));
    expect(added).toMatchObject({ chat_id: "oc_new_group", operator_id: { open_id: "ou_zhao_mishuzhang" } });
  });

  it("writes outbound mentions as real <at> tags", () => {
    expect(JSON.parse(textContent("请确认", [{ openId: "ou_a", name: "张三" }]))).toEqual({
      text: '<at user_id="ou_a">张三</at> 请确认',
    });
    expect(JSON.parse(textContent("无人", []))).toEqual({ text: "无人" });
  });
});
