/**
 * The console API with an `eventId` (POST /api/console/messages and /actions): the same eventId
 * twice is handled once, and a retry after a handling that failed is handled and its answer shown
 * (the failure notice does not take the answer's place).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { coreReplies } from "../../../../../src/bot/core/replies.ts";
import { startTestApp, type TestApp } from "../../../../support/app.ts";
import { ConsoleClient } from "../../../../support/console-client.ts";
import { GATED_TEXTS, GatedCapability } from "../../../../support/gated-capability.ts";

const DM = "私聊 张三";
let test: TestApp;
let gated: GatedCapability;
let client: ConsoleClient;

beforeEach(async () => {
  gated = new GatedCapability();
  test = await startTestApp({ capabilities: [gated.capability()] });
  client = new ConsoleClient(test.baseUrl);
});

afterEach(async () => {
  await test.close();
});

async function botTexts(): Promise<string[]> {
  await test.app.idle();
  return (await test.app.history.list("dm:zhangsan")).filter((m) => m.sender === null).map((m) => m.text);
}

describe("console events with an eventId", { timeout: 60_000 }, () => {
  it("handles a message sent twice with the same eventId once", async () => {
    await client.say(DM, "张三", "快办", "console-twice");
    await client.say(DM, "张三", "快办", "console-twice");

    expect(gated.runs.quick).toBe(1);
    expect(await botTexts()).toEqual([GATED_TEXTS.quickDone]);
  });

  it("handles a message again when its first handling failed, and shows the answer", async () => {
    await client.say(DM, "张三", "会失败", "console-retry");
    expect(await botTexts()).toEqual([coreReplies.failed]);

    await client.say(DM, "张三", "会失败", "console-retry");
    expect(gated.runs.failing).toBe(2);
    expect(await botTexts()).toEqual([coreReplies.failed, GATED_TEXTS.failingDone]);

    await client.say(DM, "张三", "会失败", "console-retry");
    expect(gated.runs.failing).toBe(2);
    expect(await botTexts()).toEqual([coreReplies.failed, GATED_TEXTS.failingDone]);
  });

  it("handles a button pressed twice with the same eventId once, after a failed press too", async () => {
    await client.say(DM, "张三", "按钮");
    const [card] = (await test.app.history.list("dm:zhangsan")).filter((m) => m.card);
    if (!card) throw new Error("no card");

    await client.press(DM, "张三", card.id, GATED_TEXTS.button, "press-1");
    expect(await botTexts()).toEqual([card.text, coreReplies.failed]);
    await client.press(DM, "张三", card.id, GATED_TEXTS.button, "press-1");
    await client.press(DM, "张三", card.id, GATED_TEXTS.button, "press-1");

    expect(gated.runs.pressed).toBe(2);
    expect(await botTexts()).toEqual([card.text, coreReplies.failed, GATED_TEXTS.pressedDone]);
  });
});
