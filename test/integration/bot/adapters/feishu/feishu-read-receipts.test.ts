/**
 * Read receipts: the alert's readers are polled from Feishu (`readUsers`), kept in SentMessage,
 * and 查询 shows 已读 2/4 per chat.
 */
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ROOT } from "../../../../support/app.ts";
import { FakeFeishuServer, type StoredMessage } from "../../../../support/fake-feishu/fake-feishu-server.ts";
import { chatIdOf, openIdOf } from "../../../../support/fake-feishu/feishu-test-app.ts";
import { runTranscriptOnFeishu } from "../../../../support/fake-feishu/feishu-transcript.ts";
import { buttonsOf } from "../../../../support/fake-feishu/feishu-view.ts";

describe("feishu read receipts", () => {
  let fake: FakeFeishuServer;

  beforeEach(async () => {
    fake = new FakeFeishuServer();
    await fake.start();
  });

  afterEach(async () => {
    await fake.close();
  });

  /** The alert card posted into the leaders' group. */
  const leadersAlert = () => fake.messagesTo(chatIdOf("leaders")).find((m) => m.msgType === "interactive");
  /** The card as Feishu last showed it (its latest patch), as JSON text. */
  const lastShown = (alert: { patches: unknown[] } | undefined) => JSON.stringify(alert?.patches.at(-1));
  /** Once acknowledged, a card keeps 批示 and 要求续报 but not 已阅. */
  const AFTER_ACK = ["批示", "要求续报"];
  /** 李书记, 王县长 and 吴主任 have read the alert, as the next poll finds. */
  const threeHaveRead = async (messageId: string, app: { adapter: { pollReads(): Promise<unknown> } }) => {
    fake.markRead(messageId, [openIdOf("li-shuji"), openIdOf("wang-xianzhang"), openIdOf("wu-zhuren")]);
    await app.adapter.pollReads();
  };
  const buttonLabels = (card: StoredMessage | undefined) => (card ? buttonsOf(card).map((b) => b.label) : []);

  it("polls who read the alert and shows 已读 2/4 in 查询", async () => {
    let polled = -1;
    const failures = await runTranscriptOnFeishu(
      join(ROOT, "test/fixtures/feishu/read-receipts.chat"),
      fake,
      async (step, app) => {
        if (step.kind !== "say" || !step.text.includes("查询")) return;
        const alert = leadersAlert();
        if (!alert) throw new Error("no alert yet");
        // Two leaders read it; someone outside the org file did too (not counted).
        fake.markRead(alert.messageId, [openIdOf("li-shuji"), openIdOf("wang-xianzhang"), "ou_outsider"]);
        polled = await app.adapter.pollReads();
      },
    );
    expect(failures).toEqual([]);
    expect(polled).toBe(1);
    expect(fake.callsTo(/read_users$/).length).toBeGreaterThanOrEqual(2);
    // The alert card itself now shows the count, its buttons still there.
    const alert = leadersAlert();
    const shown = lastShown(alert);
    expect(shown).toContain("已读 2/4");
    expect(shown).toContain('"tag":"button"');
    expect(shown).toContain("【较大】事故灾难");
  }, 60_000);

  it("patches 已读 3/4 onto an acknowledged alert without bringing its 已阅 button back", async () => {
    const failures = await runTranscriptOnFeishu(
      join(ROOT, "test/fixtures/feishu/read-receipts-acknowledged.chat"),
      fake,
      async (step, app) => {
        if (step.kind !== "say" || !step.text.includes("查询")) return;
        const alert = leadersAlert();
        if (!alert) throw new Error("no alert yet");
        const acknowledged = lastShown(alert);
        if (!acknowledged.includes("王县长") || buttonLabels(alert).includes("已阅"))
          throw new Error(`alert not acknowledged yet: ${acknowledged}`);
        await threeHaveRead(alert.messageId, app);
      },
    );
    expect(failures).toEqual([]);
    const alert = leadersAlert();
    const shown = lastShown(alert);
    expect(shown).toContain("已读 3/4");
    expect(shown).toContain("王县长");
    expect(buttonLabels(alert)).toEqual(AFTER_ACK);
    expect(shown.match(/已读/g)).toHaveLength(1);
  }, 60_000);

  it("sends the escalation urgent to those who have not read the alert, and mentions them first", async () => {
    const failures = await runTranscriptOnFeishu(
      join(ROOT, "test/fixtures/feishu/read-receipts-escalation.chat"),
      fake,
      async (step, app) => {
        if (step.kind !== "say" || !step.text.includes("查询")) return;
        const alert = leadersAlert();
        if (!alert) throw new Error("no alert yet");
        await threeHaveRead(alert.messageId, app);
      },
    );
    expect(failures).toEqual([]);
    const escalations = (receiveId: string) =>
      fake
        .messagesTo(receiveId)
        .filter((m) => m.msgType === "interactive" && JSON.stringify(m.content).includes("级提醒"));
    const urgentIn = (receiveId: string) =>
      escalations(receiveId).map((m) => m.urgent.flatMap((u) => u.userIds));
    // Level 2 (directors): 吴主任 has read the alert, so his chats get the card without 加急;
    // 钱镇长 has not, and gets it (in a direct message) as urgent.
    expect(urgentIn(chatIdOf("leaders"))[0]).toEqual([]);
    expect(urgentIn(chatIdOf("duty"))).toEqual([[]]);
    expect(urgentIn(openIdOf("qian-zhenzhang"))).toEqual([[openIdOf("qian-zhenzhang")]]);
    // Level 3 (leaders) and its repeat: only 赵秘书长, who has not read, gets the 加急 and comes first.
    const leaders = escalations(chatIdOf("leaders"));
    expect(leaders).toHaveLength(3);
    expect(urgentIn(chatIdOf("leaders")).slice(1)).toEqual([
      [openIdOf("zhao-mishuzhang")],
      [openIdOf("zhao-mishuzhang")],
    ]);
    const mentioned = [...JSON.stringify(leaders.at(-1)?.content).matchAll(/<at id=(\w+)>/g)].map(
      (m) => m[1],
    );
    expect(mentioned).toEqual([
      openIdOf("zhao-mishuzhang"),
      openIdOf("li-shuji"),
      openIdOf("wang-xianzhang"),
    ]);
  }, 60_000);

  it("takes the 已阅 button off the escalation cards too once someone acknowledges", async () => {
    const failures = await runTranscriptOnFeishu(
      join(ROOT, "test/fixtures/feishu/escalation-acknowledged.chat"),
      fake,
    );
    expect(failures).toEqual([]);
    const cards = fake.messagesTo(chatIdOf("leaders")).filter((m) => m.msgType === "interactive");
    const escalations = cards.filter((m) => JSON.stringify(m.content).includes("级提醒"));
    expect(escalations.length).toBeGreaterThanOrEqual(1);
    for (const card of [leadersAlert(), ...escalations]) {
      expect(card?.patches.length, `card ${card?.messageId} updated in place`).toBeGreaterThan(0);
      const shown = lastShown(card);
      expect(shown).toContain("王县长");
      expect(buttonLabels(card)).toEqual(AFTER_ACK);
    }
  }, 60_000);
});
