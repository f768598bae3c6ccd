/**
 * Identity on Feishu: a person with only a phone number is found once through the contact API and
 * remembered in PlatformBinding; a group without a chat id is bound by an admin's command in it,
 * and from then on the bot works there. The Feishu sink serves only the chats it can reach.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sampleConfig } from "../../../../support/app.ts";
import { FakeFeishuServer } from "../../../../support/fake-feishu/fake-feishu-server.ts";
import { messageEvent } from "../../../../support/fake-feishu/feishu-payloads.ts";
import {
  FAKE_BOT_OPEN_ID,
  type FeishuTestApp,
  openIdOf,
  startFeishuTestApp,
  VERIFICATION_TOKEN,
  withFeishuIds,
} from "../../../../support/fake-feishu/feishu-test-app.ts";
import { viewText } from "../../../../support/fake-feishu/feishu-view.ts";

const BOT = { openId: FAKE_BOT_OPEN_ID, name: "快报助手" };
const NEW_CHAT = "oc_qingshan_new";

describe("feishu identity", () => {
  let fake: FakeFeishuServer;
  let app: FeishuTestApp;

  beforeEach(async () => {
    // 张三 is in the org file with a phone number only; 李四 too, but Feishu has no account for it;
    // 王五 has neither. 青山镇工作群 has no Feishu chat yet.
    fake = new FakeFeishuServer({ phones: { "13800000041": "ou_found_by_phone" } });
    await fake.start();
    const config = withFeishuIds(await sampleConfig(), {
      person: (id) => !["zhangsan", "lisi", "wangwu"].includes(id),
    });
    config.org.people = config.org.people.map((p) => (p.id === "wangwu" ? { ...p, phone: undefined } : p));
    config.org.groups = config.org.groups.map((g) =>
      g.id === "qingshan-work" ? { ...g, feishu: undefined } : g,
    );
    app = await startFeishuTestApp(fake, { config });
  });

  afterEach(async () => {
    await app.close();
    await fake.close();
  });

  it("finds a person by phone once and remembers it", async () => {
    const lookups = fake.callsTo("/contact/v3/users/batch_get_id");
    expect(lookups).toHaveLength(1);
    expect(lookups[0]?.body?.mobiles).toContain("13800000041");
    const binding = await app.test.database.prisma.platformBinding.findFirst({
      where: { platform: "feishu", kind: "person", orgId: "zhangsan" },
    });
    expect(binding?.externalId).toBe("ou_found_by_phone");
    expect(app.adapter.identity.personOf("ou_found_by_phone")).toBe("zhangsan");
    // Remembered: loading again asks Feishu nothing.
    await app.adapter.identity.load(app.adapter.api);
    expect(fake.callsTo("/contact/v3/users/batch_get_id")).toHaveLength(1);
  });

  it("serves only the chats a message can reach on Feishu", async () => {
    const { sink } = app.adapter;
    expect(sink.serves("leaders")).toBe(true);
    expect(sink.serves("dm:li-shuji")).toBe(true); // open id in the org file
    expect(sink.serves("dm:zhangsan")).toBe(true); // found by phone
    expect(sink.serves("dm:lisi")).toBe(false); // phone looked up in vain
    expect(sink.serves("dm:wangwu")).toBe(false); // nothing to find them by
    expect(sink.serves("qingshan-work")).toBe(false); // no chat id, not bound
    expect(sink.serves("no-such-chat")).toBe(false);
  });

  it("binds an unknown group by an admin's command, then serves it", async () => {
    expect(app.adapter.sink.serves("qingshan-work")).toBe(false);
    await app.post(
      messageEvent({
        chatId: NEW_CHAT,
        senderOpenId: openIdOf("zhao-mishuzhang"),
        text: "@{0} 帮助",
        mentions: [BOT],
        token: VERIFICATION_TOKEN,
      }),
    );
    await app.settle();
    expect(String(fake.messagesTo(NEW_CHAT).at(-1)?.content.text)).toContain("还没有绑定");

    await app.post(
      messageEvent({
        chatId: NEW_CHAT,
        senderOpenId: openIdOf("zhao-mishuzhang"),
        text: "@{0} 绑定 青山镇",
        mentions: [BOT],
        token: VERIFICATION_TOKEN,
      }),
    );
    await app.settle();
    expect(String(fake.messagesTo(NEW_CHAT).at(-1)?.content.text)).toContain(
      "已将本群绑定为「青山镇工作群」",
    );
    const row = await app.test.database.prisma.platformBinding.findFirst({
      where: { kind: "chat", externalId: NEW_CHAT },
    });
    expect(row).toMatchObject({ orgId: "qingshan-work", boundBy: "zhao-mishuzhang" });
    expect(app.adapter.sink.serves("qingshan-work")).toBe(true);

    // 张三 (known by phone) now reports in the bound group and the bot answers there.
    await app.post(
      messageEvent({
        chatId: NEW_CHAT,
        senderOpenId: "ou_found_by_phone",
        text: "@{0} 上报",
        mentions: [BOT],
        token: VERIFICATION_TOKEN,
      }),
    );
    await app.settle();
    expect(
      fake
        .messagesTo(NEW_CHAT)
        .map((m) => viewText(m, (id) => id))
        .join("\n"),
    ).toContain("事件类型");
  });
});
