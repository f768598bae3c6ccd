/**
 * The console sink and a card's later state: an `updateOf` message puts the new card in place of
 * the one sent under that key (stored, and pushed live with the same message id), as Feishu edits
 * its card; an update of a key never shown, or of a text, changes nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConsoleHistory } from "../../../../../src/bot/adapters/console/console-history.ts";
import type { ConsoleMessageDto } from "../../../../../src/bot/adapters/console/console-message.ts";
import { ConsoleSink } from "../../../../../src/bot/adapters/console/console-sink.ts";
import { Directory } from "../../../../../src/bot/core/directory.ts";
import type { Card } from "../../../../../src/bot/core/message.ts";
import type { Database } from "../../../../../src/store/database.ts";
import { sampleConfig } from "../../../../support/app.ts";
import { openTestDatabase } from "../../../../support/database.ts";

const alert: Card = {
  title: "【重大】事故灾难 · 青山镇",
  fields: [{ label: "编号", value: "2026-0001" }],
  buttons: [{ label: "已阅", action: "inc:ack:1" }],
};
const acknowledged: Card = {
  ...alert,
  fields: [...alert.fields, { label: "已阅", value: "李书记（2026-03-02 14:30）" }],
  buttons: [],
};

describe("ConsoleSink with a card's later state", () => {
  let database: Database;
  let history: ConsoleHistory;
  let sink: ConsoleSink;
  let seen: ConsoleMessageDto[];
  let unsubscribe: () => void;

  beforeEach(async () => {
    database = await openTestDatabase();
    const directory = new Directory((await sampleConfig()).org);
    history = new ConsoleHistory(database.prisma, directory, () => new Date("2026-03-02T06:30:00Z"));
    sink = new ConsoleSink(history, directory);
    seen = [];
    unsubscribe = history.subscribe((message) => seen.push(message));
  });

  afterEach(async () => {
    unsubscribe();
    await database.close();
  });

  it("stores the new card in place and pushes it live under the same id", async () => {
    await sink.deliver({ chatId: "leaders", card: alert, idempotencyKey: "alert-1-leaders" });
    await sink.deliver({
      chatId: "leaders",
      card: acknowledged,
      idempotencyKey: "ack-1",
      updateOf: "alert-1-leaders",
    });

    const [stored, ...more] = await history.list("leaders");
    expect(more).toEqual([]);
    expect(stored?.card).toEqual(acknowledged);
    expect(stored?.text).toContain("已阅：李书记（2026-03-02 14:30）");
    expect(stored?.text).not.toContain("[已阅]");
    expect(seen.map((m) => [m.id, m.card?.buttons.length])).toEqual([
      [stored?.id, 1],
      [stored?.id, 0],
    ]);
  });

  it("changes nothing for a key never shown here or a text sent under it", async () => {
    await sink.deliver({ chatId: "leaders", text: "通知", idempotencyKey: "notice-1" });
    await sink.deliver({
      chatId: "leaders",
      card: acknowledged,
      idempotencyKey: "ack-2",
      updateOf: "notice-1",
    });
    await sink.deliver({
      chatId: "leaders",
      card: acknowledged,
      idempotencyKey: "ack-3",
      updateOf: "never-sent",
    });

    const messages = await history.list("leaders");
    expect(messages.map((m) => [m.kind, m.text, m.card])).toEqual([["text", "通知", null]]);
    expect(seen).toHaveLength(1);
  });
});
