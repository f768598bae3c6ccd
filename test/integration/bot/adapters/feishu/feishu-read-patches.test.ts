/**
 * The read count patched onto sent cards (已读 n/m): patches and polls take slots under Feishu's
 * per-chat limit like sends, a patch that failed is tried again on the next poll even when nobody
 * else reads the card, and an acknowledgement that lands while a read patch is on its way is never
 * undone by it (the race is driven by holding the read patch at the fake server).
 */
import { beforeEach, describe, expect, it } from "vitest";
import { recordSentMessage } from "../../../../../src/bot/adapters/common/sent-message-record.ts";
import type { OutboundMessage } from "../../../../../src/bot/core/message.ts";
import type { FakeFeishuServer, StoredMessage } from "../../../../support/fake-feishu/fake-feishu-server.ts";
import {
  chatIdOf,
  type FeishuTestApp,
  openIdOf,
  useFakeFeishu,
} from "../../../../support/fake-feishu/feishu-test-app.ts";

const LEADERS = chatIdOf("leaders");
/** A patch of a message's content (not the urgent calls under it). */
const MESSAGE_PATCH = /^\/open-apis\/im\/v1\/messages\/[^/]+$/;

const alert = (key: string): OutboundMessage => ({
  chatId: "leaders",
  idempotencyKey: key,
  card: {
    title: "【测试】告警",
    tone: "red",
    fields: [{ label: "事件", value: "测试" }],
    buttons: [{ label: "收到", action: "ack" }],
  },
});

const shownOf = (message: StoredMessage | undefined) =>
  JSON.stringify(message?.patches.at(-1) ?? message?.content);

describe("feishu read count patches", () => {
  const feishu = useFakeFeishu();
  let fake: FakeFeishuServer;
  let app: FeishuTestApp;

  beforeEach(() => {
    fake = feishu.fake;
  });

  const sendAlert = async (key: string): Promise<StoredMessage> => {
    await app.adapter.sink.deliver(alert(key));
    const message = fake.messagesTo(LEADERS).at(-1);
    if (!message) throw new Error("alert not sent");
    return message;
  };

  it("keeps a burst of read patches into one chat within the per-chat limit", async () => {
    app = await feishu.start({ settings: { perChatPerSecond: 2 } });
    const sent: StoredMessage[] = [];
    for (let i = 0; i < 5; i++) sent.push(await sendAlert(`burst-${i}`));
    for (const message of sent) fake.markRead(message.messageId, [openIdOf("li-shuji")]);

    expect(await app.adapter.pollReads()).toBe(5);

    const patches = fake.callsTo(MESSAGE_PATCH, "PATCH");
    expect(patches).toHaveLength(5);
    for (const message of sent) expect(shownOf(message)).toContain("已读 1/4");
    // At most 2 a second: the 3rd patch lands a window (1.05 s) after the 1st, and so on; a
    // loaded machine delays a request between its slot and its arrival, hence the slack.
    const at = patches.map((c) => c.at);
    for (let i = 2; i < at.length; i++) expect((at[i] ?? 0) - (at[i - 2] ?? 0)).toBeGreaterThanOrEqual(800);
    expect((at[4] ?? 0) - (at[0] ?? 0)).toBeGreaterThanOrEqual(1800);
  }, 60_000);

  it("keeps reaching a card however many plain texts are sent after it", async () => {
    app = await feishu.start();
    const message = await sendAlert("before-texts");
    await app.adapter.pollReads(); // checked once, nobody has read it yet
    // More plain texts (nobody expected to read them) than one poll takes.
    for (let i = 0; i < 210; i++)
      await recordSentMessage(app.test.database.prisma, {
        platform: "feishu",
        idempotencyKey: `text-${i}`,
        chatId: "leaders",
        platformMessageId: `om_text_${i}`,
        recipients: [],
        sentAt: new Date(),
      });
    fake.markRead(message.messageId, [openIdOf("li-shuji")]);

    await app.adapter.pollReads();
    expect(shownOf(message)).toContain("已读 1/4");
  }, 60_000);

  it("tries a failed read patch again on the next poll, with no new reader", async () => {
    app = await feishu.start();
    const message = await sendAlert("retry-alert");
    // Everyone has read it, so readUsers is not asked again; Feishu fails every try of the patch.
    fake.markRead(
      message.messageId,
      ["li-shuji", "wang-xianzhang", "zhao-mishuzhang", "wu-zhuren"].map(openIdOf),
    );
    fake.fail({ method: "PATCH", path: MESSAGE_PATCH, times: 4, kind: "status", status: 500 });

    expect(await app.adapter.pollReads()).toBe(1);
    expect(message.patches).toHaveLength(0);
    expect(fake.callsTo(MESSAGE_PATCH, "PATCH").map((c) => c.status)).toEqual([500, 500, 500, 500]);

    expect(await app.adapter.pollReads()).toBe(0);
    expect(message.patches).toHaveLength(1);
    expect(shownOf(message)).toContain("已读 4/4");
    expect(fake.callsTo(/read_users$/)).toHaveLength(1);

    // Shown now: a third poll patches nothing.
    await app.adapter.pollReads();
    expect(message.patches).toHaveLength(1);
  }, 60_000);

  it("never brings back the buttons when an acknowledgement lands during a read patch", async () => {
    app = await feishu.start();
    const message = await sendAlert("race-alert");
    fake.markRead(message.messageId, [openIdOf("li-shuji")]);

    // The poll reads the card (buttons still there) and its patch is held at Feishu's door …
    const readPatch = fake.hold(MESSAGE_PATCH, "PATCH");
    const poll = app.adapter.pollReads();
    await readPatch.reached;
    // … while the alert is acknowledged: its card loses the buttons.
    await app.adapter.sink.deliver({
      chatId: "leaders",
      idempotencyKey: "race-ack",
      updateOf: "race-alert",
      card: { title: "【测试】告警", fields: [{ label: "确认", value: "王县长已收到" }], buttons: [] },
    });
    expect(shownOf(message)).not.toContain('"tag":"button"');
    // Then the read patch, made from the older card, lands.
    readPatch.release();
    expect(await poll).toBe(1);

    const shown = shownOf(message);
    expect(shown).toContain("王县长已收到");
    expect(shown).toContain("已读 1/4");
    expect(shown).not.toContain('"tag":"button"');
    const row = await app.test.database.prisma.sentMessage.findFirst({
      where: { idempotencyKey: "race-alert" },
    });
    expect(JSON.stringify(row?.card)).toBe(shown);
  }, 60_000);
});
