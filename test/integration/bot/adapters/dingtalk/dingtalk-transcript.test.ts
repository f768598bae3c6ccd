/**
 * The incident conversation (上报 → alert → 已阅 → 批示 → 收到) run through the DingTalk adapter against
 * the fake DingTalk — the real `dingtalk-stream` client connected to the fake Stream gateway — with
 * the same expectations as on the console (test/fixtures/feishu/incident-conversation.chat, whose
 * console run is checked by the Feishu transcript test), and the project's instruction-relay transcript.
 */
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ROOT } from "../../../../support/app.ts";
import { conversationOf, userIdOf } from "../../../../support/fake-dingtalk/dingtalk-test-app.ts";
import { runTranscriptOnDingtalk } from "../../../../support/fake-dingtalk/dingtalk-transcript.ts";
import { buttonsOf, viewText } from "../../../../support/fake-dingtalk/dingtalk-view.ts";
import { FakeDingtalkServer } from "../../../../support/fake-dingtalk/fake-dingtalk-server.ts";

describe("an incident conversation on DingTalk", () => {
  let fake: FakeDingtalkServer;

  beforeEach(async () => {
    fake = new FakeDingtalkServer();
    await fake.start();
  });

  afterEach(async () => {
    await fake.close();
  });

  it("meets the console transcript's expectations through the DingTalk adapter", async () => {
    const failures = await runTranscriptOnDingtalk(
      join(ROOT, "test/fixtures/feishu/incident-conversation.chat"),
      fake,
    );
    expect(failures).toEqual([]);
    // The alert went out as a card with an in-app DING to the leaders.
    const alert = fake.messagesTo(conversationOf("leaders")).find((m) => m.msgKey === "card");
    if (!alert) throw new Error("no alert card");
    const ding = fake.dings.find((d) => d.userIds.includes(userIdOf("wu-zhuren")));
    expect(ding?.remindType).toBe(1);
    // After 已阅 the alert cards were updated in place: 批示 and 要求续报 stay, 已阅 goes.
    for (const chat of ["leaders", "duty"]) {
      const card = fake.messagesTo(conversationOf(chat)).find((m) => m.msgKey === "card");
      if (!card) throw new Error(`no alert card in ${chat}`);
      expect(card.updates).toHaveLength(1);
      expect(buttonsOf(fake, card).map((b) => b.label)).toEqual(["批示", "要求续报"]);
      expect(viewText(fake, card)).toMatch(/王县长/);
    }
  }, 60_000);

  it("meets test/transcripts/instruction-relay.chat through the DingTalk adapter", async () => {
    const failures = await runTranscriptOnDingtalk(
      join(ROOT, "test/transcripts/instruction-relay.chat"),
      fake,
    );
    expect(failures).toEqual([]);
  }, 60_000);
});
