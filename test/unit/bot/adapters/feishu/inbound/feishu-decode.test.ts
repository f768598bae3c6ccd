/**
 * Feishu's decode on recorded payloads (test/fixtures/feishu), flattened by the SDK's own
 * EventDispatcher as the adapter receives them: messages and card actions → what they mean.
 */
import { readFileSync } from "node:fs";
import * as lark from "@larksuiteoapi/node-sdk";
import { describe, expect, it } from "vitest";
import { signAction } from "../../../../../../src/bot/adapters/feishu/action-signature.ts";
import type { FeishuMention } from "../../../../../../src/bot/adapters/feishu/feishu-content.ts";
import {
  decodeCardAction,
  decodeMessage,
  type FeishuNames,
  readReceivedMessage,
} from "../../../../../../src/bot/adapters/feishu/inbound/feishu-decode.ts";
import type { MessageReceived } from "../../../../../../src/bot/adapters/feishu/inbound/feishu-events.ts";

const SECRET = "app-secret";
const AT = new Date("2026-03-02T06:25:00Z");
const LIMITS = { maxInboundChars: 2000 };

const people: Record<string, { id: string; name: string }> = {
  ou_li_shuji: { id: "li", name: "李书记" },
  ou_qian_zhenzhang: { id: "qian", name: "钱镇长" },
  ou_zhangsan: { id: "zhangsan", name: "张三" },
  ou_wang_xianzhang: { id: "wang", name: "王县长" },
};
const groups: Record<string, string> = { oc_leaders: "leaders", oc_qingshan_work: "qingshan-work" };

function names(bound: Record<string, string> = groups): FeishuNames {
  const isBot = (m: FeishuMention) => m.id?.open_id === "ou_bot";
  return {
    personOf: (openId) => (openId ? people[openId]?.id : undefined),
    groupOf: (chatId) => (chatId ? bound[chatId] : undefined),
    isBot,
    mentioned: (m) => (isBot(m) ? { id: "bot", name: "快报助手" } : people[m.id?.open_id ?? ""]),
  };
}

/** What the SDK hands the adapter's handler for a recorded payload. */
async function received(name: string, change?: (payload: Record<string, unknown>) => void): Promise<unknown> {
  const payload = JSON.parse(readFileSync(`test/fixtures/feishu/${name}`, "utf8"));
  change?.(payload.event);
  let seen: unknown;
  const dispatcher = new lark.EventDispatcher({ loggerLevel: lark.LoggerLevel.error }).register({
    "im.message.receive_v1": async (data: unknown) => {
      seen = data;
    },
    "card.action.trigger": async (data: unknown) => {
      seen = data;
    },
  });
  await dispatcher.invoke(payload, { needCheck: false });
  return seen;
}

async function message(name: string, change?: (event: Record<string, unknown>) => void) {
  const read = readReceivedMessage(await received(name, change));
  if (read.kind !== "message") throw new Error(`fixture ${name} not read as a message: ${read.kind}`);
  return read.data;
}

describe("Feishu decode: im.message.receive_v1", () => {
  it("turns a group message into a neutral event: org chat, sender, @names and who was mentioned", async () => {
    const decoded = decodeMessage(await message("message-with-mentions.json"), names(), LIMITS, AT);
    expect(decoded).toEqual({
      kind: "event",
      event: {
        platform: "feishu",
        eventId: "msg-om_5ce6d572455d361153b7cb51da133945",
        chatId: "leaders",
        senderId: "li",
        senderName: "ou_li_shuji",
        text: "@快报助手 批示 2026-0001 @钱镇长 @外单位某人 请立即组织救援",
        mentions: ["bot", "qian"],
        receivedAt: AT,
      },
      resources: [],
      addressed: true,
    });
  });

  it("reads rich text (post) as plain text, its pictures as resources to download", async () => {
    const decoded = decodeMessage(await message("post-message.json"), names(), LIMITS, AT);
    expect(decoded.kind).toBe("event");
    if (decoded.kind !== "event") return;
    expect(decoded.event.text).toBe("续报\n@快报助手 续报 2026-0001\n伤员已全部送医");
    expect(decoded.event.mentions).toEqual(["bot"]);
    expect(decoded.resources).toEqual([
      { kind: "image", key: "img_v2_x", type: "image", name: "图片.jpg", mimeType: "image/jpeg" },
    ]);
  });

  it("turns a one-to-one message into an event in the person's direct chat", async () => {
    const decoded = decodeMessage(await message("message-direct.json"), names(), LIMITS, AT);
    expect(decoded).toMatchObject({
      kind: "event",
      event: { chatId: "dm:zhangsan", senderId: "zhangsan", text: "上报", mentions: [] },
    });
  });

  it("a one-to-one message from an open id nobody knows is an unknown person", async () => {
    const data = await message("message-direct.json", (e) => {
      (e.sender as { sender_id: { open_id: string } }).sender_id.open_id = "ou_stranger";
    });
    expect(decodeMessage(data, names(), LIMITS, AT)).toEqual({ kind: "unknown-person" });
  });

  it("a message in a Feishu group bound to no org chat is left for binding, addressed when it @s the bot", async () => {
    const decoded = decodeMessage(await message("message-with-mentions.json"), names({}), LIMITS, AT);
    expect(decoded).toEqual({
      kind: "unbound-group",
      personId: "li",
      text: "@快报助手 批示 2026-0001 @钱镇长 @外单位某人 请立即组织救援",
      addressed: true,
    });
  });

  it("a group image is an event with no text and its picture to download, not addressed", async () => {
    const decoded = decodeMessage(await message("message-image.json"), names(), LIMITS, AT);
    expect(decoded).toEqual({
      kind: "event",
      event: {
        platform: "feishu",
        eventId: "msg-om_image_1",
        chatId: "qingshan-work",
        senderId: "zhangsan",
        senderName: "ou_zhangsan",
        text: "",
        mentions: [],
        receivedAt: AT,
      },
      resources: [
        {
          kind: "image",
          key: "img_v3_02ab_1c2d3e4f",
          type: "image",
          name: "图片.jpg",
          mimeType: "image/jpeg",
        },
      ],
      addressed: false,
    });
  });

  it.each([
    [
      "a file keeps its name",
      "message-file.json",
      {
        kind: "file",
        key: "file_v3_00ab_6f7e8d9c",
        type: "file",
        name: "现场情况.pdf",
        mimeType: "application/pdf",
      },
    ],
    [
      "a video (media) is downloaded as a file",
      "message-media.json",
      {
        kind: "video",
        key: "file_v3_00ab_1a2b3c4d",
        type: "file",
        name: "现场视频.mp4",
        mimeType: "video/mp4",
      },
    ],
  ])("%s", async (_title, fixture, resource) => {
    const decoded = decodeMessage(await message(fixture), names(), LIMITS, AT);
    expect(decoded).toMatchObject({
      kind: "event",
      event: { chatId: "dm:zhangsan", text: "" },
      resources: [resource],
      addressed: true,
    });
  });

  it("a location fills the event's place: name and coordinates as numbers", async () => {
    const decoded = decodeMessage(await message("message-location.json"), names(), LIMITS, AT);
    expect(decoded).toMatchObject({
      kind: "event",
      event: {
        chatId: "dm:zhangsan",
        text: "",
        location: { name: "青山镇中心小学", latitude: 30.593098, longitude: 114.305392 },
      },
      resources: [],
    });
  });

  it.each([
    ["a group voice message without @ is not answered", undefined, false],
    [
      "a one-to-one voice message is answered",
      (e: Record<string, unknown>) => {
        (e.message as MessageReceived["message"]).chat_type = "p2p";
      },
      true,
    ],
  ])("%s", async (_title, change, answer) => {
    const data = await message("message-image.json", (e) => {
      const m = e.message as MessageReceived["message"];
      m.message_type = "audio";
      m.content = JSON.stringify({ file_key: "file_v3_audio", duration: 2000 });
      change?.(e);
    });
    expect(decodeMessage(data, names(), LIMITS, AT)).toEqual({
      kind: "unsupported",
      messageType: "audio",
      answer,
    });
  });

  it("a picture or place whose content cannot be read is unsupported", async () => {
    const data = await message("message-location.json", (e) => {
      (e.message as MessageReceived["message"]).content = JSON.stringify({ name: "某地" });
    });
    expect(decodeMessage(data, names(), LIMITS, AT)).toEqual({
      kind: "unsupported",
      messageType: "location",
      answer: true,
    });
  });

  it("a message longer than the limit is too long, answered when it was meant for the bot", async () => {
    const data = await message("message-with-mentions.json");
    expect(decodeMessage(data, names(), { maxInboundChars: 10 }, AT)).toEqual({
      kind: "too-long",
      answer: true,
    });
  });

  it("keeps messages from bots and the system out, and refuses a malformed event", async () => {
    const fromBot = await received("message-direct.json", (e) => {
      (e.sender as { sender_type: string }).sender_type = "app";
    });
    expect(readReceivedMessage(fromBot)).toEqual({ kind: "not-a-person" });
    expect(readReceivedMessage({ message: { chat_id: 1 } }).kind).toBe("malformed");
  });
});

describe("Feishu decode: card.action.trigger", () => {
  const signed = (action: string, key: string) => (event: Record<string, unknown>) => {
    (event.action as { value: unknown }).value = signAction(SECRET, action, key);
  };

  it("a signed button press names the action, the message it was on and who pressed", async () => {
    const data = await received("card-action.json", signed("inc:ack:1", "incident-1-alert-1"));
    expect(decodeCardAction(data, SECRET, names())).toEqual({
      kind: "action",
      messageId: "om_alert_1",
      messageKey: "incident-1-alert-1",
      personId: "wang",
      eventId: "card-f7984f25108f8137722bb63cee927e66",
      action: { value: "inc:ack:1", messageId: "om_alert_1" },
    });
  });

  it("a submitted form carries its values as text", async () => {
    const data = await received("form-submit.json", signed("form:first-report", "k1"));
    const decoded = decodeCardAction(data, SECRET, names());
    expect(decoded).toMatchObject({
      kind: "action",
      personId: "zhangsan",
      action: {
        value: "form:first-report",
        messageId: "om_form_1",
        form: { type: "事故灾难", location: "青山镇李家村村道", deaths: "3", injured: "5" },
      },
    });
  });

  it("a press by someone the org file does not know still decodes, without a person", async () => {
    const data = await received("card-action.json", (e) => {
      signed("inc:ack:1", "incident-1-alert-1")(e);
      (e.operator as { open_id: string }).open_id = "ou_stranger";
    });
    expect(decodeCardAction(data, SECRET, names())).toMatchObject({ kind: "action", personId: undefined });
  });

  it("refuses the recorded value, whose made-up signature does not hold, and an altered one", async () => {
    expect(decodeCardAction(await received("card-action.json"), SECRET, names())).toMatchObject({
      kind: "forged",
      messageId: "om_alert_1",
    });
    const altered = await received("card-action.json", (e) => {
      const value = signAction(SECRET, "inc:ack:1", "incident-1-alert-1");
      (e.action as { value: unknown }).value = { ...value, a: "inc:ack:2" };
    });
    expect(decodeCardAction(altered, SECRET, names()).kind).toBe("forged");
  });

  it("refuses a malformed card action", () => {
    expect(decodeCardAction({ operator: "x" }, SECRET, names()).kind).toBe("malformed");
  });
});
