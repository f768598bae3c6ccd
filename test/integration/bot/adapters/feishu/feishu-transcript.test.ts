/**
 * One incident conversation (上报 → alert → 已阅 → 批示 → 收到) run twice from the same transcript:
 * through the console by the transcript runner, and through the Feishu adapter against the fake
 * Feishu server. Both must meet every expectation. Four of the console transcripts run on Feishu too.
 */
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runTranscript } from "../../../../../src/transcript/run-transcript.ts";
import { ROOT, silentLog } from "../../../../support/app.ts";
import { openTestDatabase } from "../../../../support/database.ts";
import { FakeFeishuServer } from "../../../../support/fake-feishu/fake-feishu-server.ts";
import { chatIdOf, openIdOf } from "../../../../support/fake-feishu/feishu-test-app.ts";
import { runTranscriptOnFeishu } from "../../../../support/fake-feishu/feishu-transcript.ts";
import { buttonsOf, viewText } from "../../../../support/fake-feishu/feishu-view.ts";
import { deletePrefixedKeys, testRedisUrl, uniquePrefix } from "../../../../support/redis.ts";

const FILE = join(ROOT, "test/fixtures/feishu/incident-conversation.chat");

/** The 舆情 conversation run on Feishu too: an item registered for 青山镇 (Y2026-0001), its 口径 sent back by a
 * button, approved by a button, answered. */
const OPINION_TRANSCRIPT = "opinion-answer-revised";

describe("an incident conversation on Feishu and on the console", () => {
  let fake: FakeFeishuServer;

  beforeEach(async () => {
    fake = new FakeFeishuServer();
    await fake.start();
  });

  afterEach(async () => {
    await fake.close();
  });

  it("meets the transcript's expectations on the console", async () => {
    const result = await runTranscript(FILE, {
      openDatabase: () => openTestDatabase(),
      redisUrl: testRedisUrl(),
      queuePrefix: () => uniquePrefix("feishu-console-twin"),
      cleanup: async (prefix) => {
        await deletePrefixedKeys(prefix);
      },
      log: silentLog,
      root: ROOT,
    });
    expect(result.failures).toEqual([]);
  }, 60_000);

  it("meets the same expectations through the Feishu adapter", async () => {
    const failures = await runTranscriptOnFeishu(FILE, fake);
    expect(failures).toEqual([]);
    // Feishu-only facts: the alert went out as a card with urgent (加急) in-app delivery to the leaders.
    const alert = fake.messagesTo(chatIdOf("leaders")).find((m) => m.msgType === "interactive");
    expect(alert?.urgent[0]?.kind).toBe("app");
    expect(alert?.urgent[0]?.userIds).toContain(openIdOf("wu-zhuren"));
    // After 已阅 the alert cards were edited in place: who acknowledged; 批示 and 要求续报 stay, 已阅 goes.
    for (const chat of ["leaders", "duty"]) {
      const card = fake.messagesTo(chatIdOf(chat)).find((m) => m.msgType === "interactive");
      if (!card) throw new Error(`no alert card in ${chat}`);
      expect(card.patches).toHaveLength(1);
      expect(buttonsOf(card).map((b) => b.label)).toEqual(["批示", "要求续报"]);
      expect(viewText(card, (id) => id)).toMatch(/已阅\n王县长（2026-03-02 14:27）/);
    }
  }, 60_000);

  // Four of the project's own transcripts as well: escalation with one-to-one chats and button
  // presses there, an instruction relayed with receipts, a 督办 task from 交办 to overdue, and a 舆情
  // item from 登记 to 已回应, with its cards pressed on Feishu.
  for (const name of ["incident-escalation", "instruction-relay", "supervision-overdue", OPINION_TRANSCRIPT])
    it(`meets test/transcripts/${name}.chat through the Feishu adapter`, async () => {
      const failures = await runTranscriptOnFeishu(join(ROOT, `test/transcripts/${name}.chat`), fake);
      expect(failures).toEqual([]);
      if (name === "incident-escalation") {
        // The escalation reached 吕镇长 in a one-to-one chat, addressed by open_id, as urgent.
        const direct = fake.messagesTo(openIdOf("lv-zhenzhang"));
        expect(direct.some((m) => m.receiveIdType === "open_id" && m.urgent.length > 0)).toBe(true);
      }
      if (name === "supervision-overdue") {
        // The task card went to the unit's group as a card with its buttons; the 督办 notice reached
        // the late unit's director one to one as urgent (加急).
        const card = fake.messagesTo(chatIdOf("baishui-work")).find((m) => m.msgType === "interactive");
        expect(card && buttonsOf(card).map((b) => b.label)).toEqual(["签收", "反馈", "申请延期", "申请办结"]);
        const direct = fake.messagesTo(openIdOf("he-xiangzhang"));
        expect(direct.some((m) => viewText(m, (id) => id).includes("【督办】") && m.urgent.length > 0)).toBe(
          true,
        );
      }
      if (name === OPINION_TRANSCRIPT) {
        // The item's alert reached the responsible unit's group as a card with the unit's buttons.
        const alert = fake
          .messagesTo(chatIdOf("qingshan-work"))
          .find((m) => m.msgType === "interactive" && viewText(m, (id) => id).includes("【舆情】Y2026-0001"));
        expect(alert && buttonsOf(alert).map((b) => b.label)).toEqual(
          expect.arrayContaining(["签收", "核实", "口径", "已回应", "转突发"]),
        );
      }
    }, 90_000);
});
