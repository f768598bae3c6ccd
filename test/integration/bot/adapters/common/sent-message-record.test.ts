/** `recordSentMessage` on a real database: a new row once per platform and key, the card kept as JSON. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordSentMessage } from "../../../../../src/bot/adapters/common/sent-message-record.ts";
import type { Database } from "../../../../../src/store/database.ts";
import { openTestDatabase } from "../../../../support/database.ts";

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
}, 60_000);

afterAll(async () => {
  await database?.close();
});

const row = (platform: string, key: string, card?: object) => ({
  platform,
  idempotencyKey: key,
  chatId: "qingshan-work",
  platformMessageId: `om_${key}`,
  recipients: ["zhangsan", "lisi"],
  ...(card ? { card } : {}),
  sentAt: new Date("2026-11-26T02:00:00Z"),
});

describe("recordSentMessage", () => {
  it("records a post once: true the first time, false for the same platform and key again", async () => {
    const card = { schema: "2.0", header: { title: { content: "【较大】事故灾难" } } };
    expect(await recordSentMessage(database.prisma, row("feishu", "alert-1", card))).toBe(true);
    expect(await recordSentMessage(database.prisma, row("feishu", "alert-1"))).toBe(false);
    expect(await recordSentMessage(database.prisma, row("wechat", "alert-1"))).toBe(true);

    const stored = await database.prisma.sentMessage.findMany({
      where: { idempotencyKey: "alert-1" },
      orderBy: { platform: "asc" },
    });
    expect(stored.map((r) => [r.platform, r.platformMessageId, r.card])).toEqual([
      ["feishu", "om_alert-1", card],
      ["wechat", "om_alert-1", null],
    ]);
    expect(stored[0]).toMatchObject({
      chatId: "qingshan-work",
      recipients: ["zhangsan", "lisi"],
      readBy: [],
      cardVersion: 0,
      sentAt: new Date("2026-11-26T02:00:00Z"),
    });
  });
});
