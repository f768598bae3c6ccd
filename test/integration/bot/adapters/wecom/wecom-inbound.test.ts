/**
 * The WeCom callback against the real app: URL verification answered; a person's message answered
 * in their chat with the app; forged, unsigned, stale and other corps' callbacks refused and never
 * handled; a stranger told what to do; a press on an alert's urgent copy acknowledging the incident
 * once (its resend handled once), the card then updated in place with the press's response code.
 */
import { describe, expect, it } from "vitest";
import { parseDateTime } from "../../../../../src/transcript/transcript-time.ts";
import { VirtualClock } from "../../../../../src/transcript/virtual-clock.ts";
import { VirtualScheduler } from "../../../../../src/transcript/virtual-scheduler.ts";
import { cardEventXml, textXml } from "../../../../support/fake-wecom/wecom-payloads.ts";
import { chatIdOf, useFakeWecom, userIdOf } from "../../../../support/fake-wecom/wecom-test-app.ts";
import { buttonsOf, currentCard, viewText } from "../../../../support/fake-wecom/wecom-view.ts";
import { recordHandedEvents } from "../../../../support/handed-events.ts";

const REPORT =
  "上报 今天14时20分，青山镇李家村村道发生一起两车相撞事故，造成3人死亡、5人受伤，镇长已带队赶赴现场，伤员已送县医院救治。现场负责人：钱镇长，电话13800000042。";

describe("WeCom callbacks", () => {
  const wecom = useFakeWecom();

  it("answers URL verification with the decrypted echostr", async () => {
    const app = await wecom.start();
    expect(await app.verify("5927136004")).toEqual({ status: 200, body: "5927136004" });
  });

  it("answers a person in their chat with the app", async () => {
    const app = await wecom.start();
    const handed = recordHandedEvents(app.test.app);
    expect((await app.post(textXml({ userId: userIdOf("zhangsan"), text: "帮助" }))).status).toBe(200);
    await app.settle();
    expect(handed.map((e) => [e.chatId, e.senderId, e.text])).toEqual([["dm:zhangsan", "zhangsan", "帮助"]]);
    expect(wecom.fake.messagesTo(userIdOf("zhangsan")).length).toBeGreaterThan(0);
  });

  it("refuses forged, unsigned, stale and other corps' callbacks, and handles none of them", async () => {
    const app = await wecom.start();
    const handed = recordHandedEvents(app.test.app);
    const xml = () => textXml({ userId: userIdOf("zhangsan"), text: "帮助" });
    expect((await app.post(xml(), { token: "guessed-token" })).status).toBe(401);
    expect((await app.post(xml(), { unsigned: true })).status).toBe(401);
    expect((await app.post(xml(), { timestamp: Math.floor(Date.now() / 1000) - 3600 })).status).toBe(401);
    expect((await app.post(xml(), { corpId: "wwsomeoneelse" })).status).toBe(401);
    expect(
      (await app.post(xml(), { aesKey: "ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut" })).status,
    ).toBeGreaterThanOrEqual(400);
    await app.settle();
    expect(handed).toEqual([]);
    expect(wecom.fake.messages).toEqual([]);
  });

  it("tells someone not in the org file whom to ask, and a resent message is handled once", async () => {
    const app = await wecom.start();
    const handed = recordHandedEvents(app.test.app);
    await app.post(textXml({ userId: "stranger", text: "上报" }));
    const again = textXml({ userId: userIdOf("zhangsan"), text: "我是谁", msgId: "7380000000000009999" });
    await app.post(again);
    await app.post(again);
    await app.settle();
    const notice = wecom.fake.messagesTo("stranger")[0];
    expect(notice && viewText(notice)).toContain("通讯录里没有您");
    expect(handed.filter((e) => e.text === "我是谁")).toHaveLength(1);
  });

  it("acknowledges an alert once from a press on its urgent copy, and updates that card in place", async () => {
    const clock = new VirtualClock(parseDateTime("2026-03-02 14:40", "Asia/Shanghai") as Date);
    const scheduler = new VirtualScheduler(clock);
    const app = await wecom.start({ clock, scheduler });
    const fake = wecom.fake;
    const settle = async () => {
      await app.settle();
      await scheduler.advance(
        clock.now(),
        (key, job) => app.test.app.jobs.run(app.test.app.services, key, job),
        () => app.settle(),
      );
    };
    const press = async (userId: string, label: string, createTime?: number) => {
      const card = fake
        .messagesTo(userId)
        .filter((m) => buttonsOf(m).some((b) => b.label === label))
        .at(-1);
      const button = card && buttonsOf(card).find((b) => b.label === label);
      if (!card?.taskId || !button) throw new Error(`no ${label} button for ${userId}`);
      const xml = cardEventXml({
        userId,
        taskId: card.taskId,
        eventKey: button.key,
        responseCode: fake.responseCodeFor(card.taskId),
        ...(createTime ? { createTime } : {}),
      });
      return { card, xml };
    };
    await app.post(textXml({ userId: userIdOf("zhangsan"), text: REPORT }));
    await settle();
    const confirm = await press(userIdOf("zhangsan"), "确认上报");
    expect((await app.post(confirm.xml)).status).toBe(200);
    await settle();
    const alert = fake.messagesTo(chatIdOf("leaders")).find((m) => viewText(m).includes("2026-0001"));
    expect(alert?.msgtype).toBe("markdown");
    const copy = fake.messages.find(
      (m) => m.kind === "people" && m.msgtype === "template_card" && viewText(m).includes("2026-0001"),
    );
    const leader =
      copy?.to.find((u) => u === userIdOf("wang-xianzhang") || u === userIdOf("li-shuji")) ?? copy?.to[0];
    if (!copy || !leader) throw new Error("no urgent copy of the alert");

    const handed = recordHandedEvents(app.test.app);
    const ack = await press(leader, "已阅", 1772433700);
    expect((await app.post(ack.xml)).status).toBe(200);
    expect((await app.post(ack.xml)).status).toBe(200);
    await settle();
    // The resend is the same inbound job: one event handed on, one acknowledgement on the timeline.
    expect(handed.filter((e) => e.action)).toMatchObject([{ chatId: `dm:${leader}`, senderId: leader }]);
    const incident = await app.test.app.services.database.incident.findFirst({
      where: { number: "2026-0001" },
    });
    expect(incident?.acknowledgedBy).toBe(leader);
    const acknowledged = await app.test.app.services.database.timelineEntry.count({
      where: { incidentId: incident?.id, kind: "acknowledged" },
    });
    expect(acknowledged).toBe(1);
    const updated = currentCard(copy);
    expect(copy.updates).toHaveLength(1);
    expect((updated?.button_list ?? []).map((b) => b.text)).not.toContain("已阅");
  });
});
