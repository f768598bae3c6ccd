/**
 * Read status of alerts on DingTalk: a card sent into a group is polled by its processQueryKey; who
 * has read it is stored (已读 n/m in 查询) and the card's read line is updated in place. A later
 * acknowledgement keeps the count, and a poll after it does not bring the old buttons back.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { stringList } from "../../../../../src/bot/core/string-list.ts";
import {
  conversationOf,
  type DingtalkTestApp,
  startDingtalkTestApp,
} from "../../../../support/fake-dingtalk/dingtalk-test-app.ts";
import { buttonsOf } from "../../../../support/fake-dingtalk/dingtalk-view.ts";
import { FakeDingtalkServer } from "../../../../support/fake-dingtalk/fake-dingtalk-server.ts";

describe("DingTalk read status", () => {
  let fake: FakeDingtalkServer;
  let app: DingtalkTestApp | undefined;

  beforeEach(async () => {
    fake = new FakeDingtalkServer();
    await fake.start();
  });

  afterEach(async () => {
    await app?.close();
    app = undefined;
    await fake.close();
  });

  it("stores who has read an alert, shows 已读 n/m on the card, and keeps an acknowledgement", async () => {
    app = await startDingtalkTestApp(fake);
    const { messenger, directory } = app.test.app.services;
    const prisma = app.test.database.prisma;
    const members = directory.chat("leaders")?.members ?? [];
    expect(members.length).toBeGreaterThan(1);
    const card = {
      title: "【较大】事故灾难 · 青山镇",
      fields: [{ label: "地点", value: "青山镇李家村" }],
      buttons: [{ label: "已阅", action: "inc:ack:1" }],
    };
    await messenger.send({ chatId: "leaders", card, idempotencyKey: "read-alert-1" });
    await app.settle();
    const [sent] = fake.messagesTo(conversationOf("leaders"));
    if (!sent) throw new Error("the alert did not reach DingTalk");

    // Nobody has read it yet: nothing changes.
    expect(await app.adapter.pollReads()).toBe(0);
    expect(fake.currentParams(sent).status ?? "").toBe("");

    sent.readBy.push(members[0] as string, "someone-not-in-the-org");
    expect(await app.adapter.pollReads()).toBe(1);
    const row = await prisma.sentMessage.findFirstOrThrow({
      where: { platform: "dingtalk", idempotencyKey: "read-alert-1" },
    });
    expect(stringList(row.readBy)).toEqual([members[0]]);
    expect(fake.currentParams(sent).status).toBe(`已读 1/${members.length}`);
    expect(buttonsOf(fake, sent).map((b) => b.label)).toEqual(["已阅"]);

    // Acknowledged: the card loses its button and keeps its read line.
    await messenger.send({
      chatId: "leaders",
      card: { ...card, buttons: [], note: "李书记 已阅" },
      idempotencyKey: "read-alert-1-ack",
      updateOf: "read-alert-1",
    });
    await app.settle();
    expect(buttonsOf(fake, sent)).toEqual([]);
    expect(fake.currentParams(sent).status).toBe(`已读 1/${members.length}`);

    // A second reader: the count goes up over the acknowledged card, with no button back.
    sent.readBy.push(members[1] as string);
    expect(await app.adapter.pollReads()).toBe(1);
    expect(fake.currentParams(sent).status).toBe(`已读 2/${members.length}`);
    expect(buttonsOf(fake, sent)).toEqual([]);
    expect(fake.currentParams(sent).markdown).toContain("李书记 已阅");
  }, 30_000);
});
