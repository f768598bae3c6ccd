/**
 * One incident conversation (上报 → alert → 已阅 → 批示 → 收到) as WeCom people have it, run twice
 * from the same transcript: through the console by the transcript runner, and through the WeCom
 * adapter against the fake WeCom server. Both must meet every expectation.
 */
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runTranscript } from "../../../../../src/transcript/run-transcript.ts";
import { ROOT, silentLog } from "../../../../support/app.ts";
import { openTestDatabase } from "../../../../support/database.ts";
import { FakeWecomServer } from "../../../../support/fake-wecom/fake-wecom-server.ts";
import { chatIdOf, userIdOf } from "../../../../support/fake-wecom/wecom-test-app.ts";
import { runTranscriptOnWecom } from "../../../../support/fake-wecom/wecom-transcript.ts";
import { buttonsOf, viewText } from "../../../../support/fake-wecom/wecom-view.ts";
import { deletePrefixedKeys, testRedisUrl, uniquePrefix } from "../../../../support/redis.ts";

const FILE = join(ROOT, "test/fixtures/wecom/incident-conversation.chat");

describe("an incident conversation on WeCom and on the console", () => {
  let fake: FakeWecomServer;

  beforeEach(async () => {
    fake = new FakeWecomServer();
    await fake.start();
  });

  afterEach(async () => {
    await fake.close();
  });

  it("meets the transcript's expectations on the console", async () => {
    const result = await runTranscript(FILE, {
      openDatabase: () => openTestDatabase(),
      redisUrl: testRedisUrl(),
      queuePrefix: () => uniquePrefix("wecom-console-twin"),
      cleanup: async (prefix) => {
        await deletePrefixedKeys(prefix);
      },
      log: silentLog,
      root: ROOT,
    });
    expect(result.failures).toEqual([]);
  }, 60_000);

  it("meets the same expectations through the WeCom adapter", async () => {
    const failures = await runTranscriptOnWecom(FILE, fake);
    expect(failures).toEqual([]);
    // WeCom-only facts: the alert went to the leaders' app group as markdown, and to each leader
    // urgently in their own chat as a template card with the alert's buttons.
    const alert = fake.messagesTo(chatIdOf("leaders")).find((m) => viewText(m).includes("2026-0001"));
    expect(alert?.msgtype).toBe("markdown");
    const copy = fake.messagesTo(userIdOf("wu-zhuren")).find((m) => m.msgtype === "template_card");
    // Sent with 已阅 and 批示; once 王县长 had typed 已阅 it was updated in place (with its send's
    // response code): 已阅 gone.
    const sent = copy?.body.template_card as
      | { main_title?: { title?: string }; button_list?: { text?: string }[] }
      | undefined;
    expect(sent?.main_title?.title).toMatch(/^【加急】/);
    expect((sent?.button_list ?? []).map((b) => b.text)).toEqual(expect.arrayContaining(["已阅", "批示"]));
    expect(copy?.updates.length).toBeGreaterThan(0);
    expect(copy && buttonsOf(copy).map((b) => b.label)).not.toContain("已阅");
  }, 60_000);
});
