/**
 * DingTalk pushes and calls at the edges, against the fake DingTalk with the real Stream client: a
 * forged card callback is refused, a redelivered button press is handled once, and expired tokens,
 * throttling and 5xx are answered by a new token and a retry.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { signButton } from "../../../../../src/bot/adapters/dingtalk/dingtalk-action.ts";
import { cardCallback, robotMessage } from "../../../../support/fake-dingtalk/dingtalk-payloads.ts";
import {
  conversationOf,
  type DingtalkTestApp,
  startDingtalkTestApp,
} from "../../../../support/fake-dingtalk/dingtalk-test-app.ts";
import { viewText } from "../../../../support/fake-dingtalk/dingtalk-view.ts";
import { FakeDingtalkServer } from "../../../../support/fake-dingtalk/fake-dingtalk-server.ts";

const TOPIC_ROBOT = "/v1.0/im/bot/messages/get";
const TOPIC_CARD = "/v1.0/card/instances/callback";

describe("the DingTalk adapter at its edges", () => {
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

  /** 张三 asks for 帮助 in 青山镇工作群; resolves with the bot's answers there. */
  const askForHelp = async (msgId?: string) => {
    const running = app as DingtalkTestApp;
    const before = fake.messagesTo(conversationOf("qingshan-work")).length;
    const ack = await fake.push(
      TOPIC_ROBOT,
      robotMessage({
        conversationId: conversationOf("qingshan-work"),
        direct: false,
        senderUserId: "zhangsan",
        text: "帮助",
        ...(msgId ? { msgId } : {}),
      }),
    );
    await running.settle();
    return { ack, answers: fake.messagesTo(conversationOf("qingshan-work")).slice(before) };
  };

  it("acknowledges a robot message once queued, and answers it in the group", async () => {
    app = await startDingtalkTestApp(fake);
    const { ack, answers } = await askForHelp();
    expect(ack.code).toBe(200);
    expect(answers.length).toBeGreaterThan(0);
  }, 30_000);

  it("handles a redelivered robot message (same msgId) once", async () => {
    app = await startDingtalkTestApp(fake);
    const first = await askForHelp("msgRepeated001");
    const second = await askForHelp("msgRepeated001");
    expect(first.answers.length).toBeGreaterThan(0);
    expect(second.ack.code).toBe(200);
    expect(second.answers).toEqual([]);
  }, 30_000);

  it("refuses a forged card callback and handles a redelivered button press once", async () => {
    app = await startDingtalkTestApp(fake);
    // 张三 starts a report, so a card with buttons (the incident type) is in the group.
    await fake.push(
      TOPIC_ROBOT,
      robotMessage({
        conversationId: conversationOf("qingshan-work"),
        direct: false,
        senderUserId: "zhangsan",
        text: "上报",
      }),
    );
    await app.settle();
    const card = fake.messagesTo(conversationOf("qingshan-work")).find((m) => m.msgKey === "card");
    if (!card?.outTrackId) throw new Error("no card with buttons");
    const buttons = JSON.parse(fake.currentParams(card).buttons ?? "[]") as {
      label: string;
      value: string;
    }[];
    const button = buttons[0];
    if (!button) throw new Error("card without buttons");
    const count = () => fake.messagesTo(conversationOf("qingshan-work")).length;

    // A value signed with another secret, and a genuine one moved to another card: acknowledged, ignored.
    const before = count();
    const forged = JSON.parse(button.value) as { a: string; k: string };
    await fake.push(
      TOPIC_CARD,
      cardCallback({
        outTrackId: card.outTrackId,
        userId: "zhangsan",
        value: signButton("not-our-secret", forged.a, forged.k),
      }),
    );
    await fake.push(
      TOPIC_CARD,
      cardCallback({ outTrackId: "kb-not-a-card-of-ours", userId: "zhangsan", value: button.value }),
    );
    await app.settle();
    expect(count()).toBe(before);

    // The same press delivered twice (DingTalk resends an unacknowledged push with its messageId).
    const press = cardCallback({ outTrackId: card.outTrackId, userId: "zhangsan", value: button.value });
    await fake.push(TOPIC_CARD, press, "push-press-1");
    await app.settle();
    const afterFirst = count();
    expect(afterFirst).toBeGreaterThan(before);
    await fake.push(TOPIC_CARD, press, "push-press-1");
    await app.settle();
    expect(count()).toBe(afterFirst);
  }, 30_000);

  it("fetches a new token when DingTalk calls it expired, and retries after throttling and 5xx", async () => {
    app = await startDingtalkTestApp(fake);
    const first = await askForHelp();
    // The answer to 帮助 is a text or a card: the faults go to the call that sends it.
    const path =
      first.answers[0]?.msgKey === "card"
        ? "/v1.0/im/interactiveCards/send"
        : "/v1.0/robot/groupMessages/send";
    const tokensBefore = fake.calls.filter((c) => c.path === "/v1.0/oauth2/accessToken").length;
    const sendsBefore = fake.calls.filter((c) => c.path === path).length;
    fake.expireTokens();
    fake.failNext(path, {
      status: 403,
      body: { code: "Forbidden.AccessDenied.QpsLimitForApi", message: "调用频率超限" },
    });
    fake.failNext(path, { status: 502, body: "<html>bad gateway</html>" });
    fake.failNext(path, {
      status: 429,
      body: {},
      headers: { "retry-after": "0" },
    });
    const { answers } = await askForHelp();
    expect(answers.map((m) => viewText(fake, m)).join("\n").length).toBeGreaterThan(0);
    const tokens = fake.calls.filter((c) => c.path === "/v1.0/oauth2/accessToken");
    expect(tokens.length).toBe(tokensBefore + 1);
    const sends = fake.calls.filter((c) => c.path === path);
    // Refused for the token, throttled, 502, 429, then sent (and the rest of the answer, if any).
    expect(sends.length - sendsBefore).toBeGreaterThanOrEqual(5);
  }, 30_000);
});
