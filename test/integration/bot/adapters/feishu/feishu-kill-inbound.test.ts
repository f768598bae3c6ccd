/**
 * Issue 11's test: the real bot (a child process, Feishu in webhook mode against the fake Feishu
 * server, PGlite, the test Redis) is sent 8 signed events from one person in one group, each
 * answered 200, and is killed with SIGKILL 0, 50 or 150 ms after the last answer. Started again on
 * the same data folder and Redis, it handles every one of the 8 exactly once: one answer each at
 * the fake Feishu server (none missing, none twice) and one sent-message record each in the
 * database. The 8 queue behind one conversation, so at the kill most are waiting or being handled.
 */
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { feishuUuid } from "../../../../../src/bot/adapters/feishu/outbound/feishu-sink.ts";
import { safeJobId } from "../../../../../src/queue/queue-names.ts";
import { openDatabase } from "../../../../../src/store/database.ts";
import { FAKE_BOT_OPEN_ID } from "../../../../support/fake-feishu/fake-feishu-server.ts";
import { messageEvent } from "../../../../support/fake-feishu/feishu-payloads.ts";
import { chatIdOf, openIdOf, VERIFICATION_TOKEN } from "../../../../support/fake-feishu/feishu-test-app.ts";
import { waitFor } from "../../../../support/wait-for.ts";
import { FeishuBotProcess } from "./feishu-bot-process.ts";

const EVENTS = 8;
const QINGSHAN = chatIdOf("qingshan-work");
const BOT = { openId: FAKE_BOT_OPEN_ID, name: "快报助手" };
/** A restart (PGlite reopened after the kill) and the killed process's jobs handed on. */
const RECOVERY_MS = 120_000;

let bot: FeishuBotProcess | undefined;

afterEach(async () => {
  await bot?.dispose();
  bot = undefined;
});

describe("kill -9 after 8 Feishu events were answered 200", () => {
  it.each([0, 50, 150])(
    "killed %i ms after the last answer: all 8 handled exactly once after a restart",
    {
      timeout: 300_000,
    },
    async (delayMs) => {
      const current = await FeishuBotProcess.create(`feishu-kill-${delayMs}`);
      bot = current;
      await current.start();
      const stamp = Date.now().toString(36);
      const messageIds = Array.from({ length: EVENTS }, (_, i) => `om_kill${delayMs}_${stamp}_${i}`);
      const events = messageIds.map((messageId, i) =>
        messageEvent({
          chatId: QINGSHAN,
          senderOpenId: openIdOf("zhangsan"),
          text: i % 2 === 0 ? "@{0} 帮助" : "@{0} 我是谁",
          mentions: [BOT],
          token: VERIFICATION_TOKEN,
          messageId,
        }),
      );

      const statuses = await Promise.all(events.map((event) => current.post(event)));
      expect(statuses).toEqual(Array(EVENTS).fill(200));
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      await current.kill();
      const answeredAtKill = current.fake.messagesTo(QINGSHAN).length;

      const killedAt = Date.now();
      await current.start();
      const restartedAt = Date.now();
      const keys = messageIds.map((id) => `feishu-msg-${id}-1`);
      const expected = new Set(keys.map((key) => feishuUuid(key)));
      await waitFor(
        "an answer to each of the 8 events, every inbound job completed",
        async () => {
          const answered = new Set(current.fake.messagesTo(QINGSHAN).map((m) => m.uuid));
          if (![...expected].every((uuid) => answered.has(uuid))) return false;
          for (const id of messageIds)
            if ((await current.inboundJobState(safeJobId(`feishu-msg-${id}`))) !== "completed") return false;
          return true;
        },
        { timeoutMs: RECOVERY_MS, intervalMs: 100 },
      ).catch((error: unknown) => {
        const answered = new Set(current.fake.messagesTo(QINGSHAN).map((m) => m.uuid));
        const missing = [...expected].filter((uuid) => !answered.has(uuid)).length;
        throw new Error(
          `${(error as Error).message}: ${missing} of ${EVENTS} unanswered\n${current.output()}`,
        );
      });
      const answeredAt = Date.now();
      // The sent-message records are written once Feishu has answered each send.
      await waitFor("every Feishu send delivered", async () => (await current.unfinishedSends()) === 0, {
        timeoutMs: RECOVERY_MS,
        intervalMs: 100,
      });
      await current.kill();

      const answers = current.fake.messagesTo(QINGSHAN);
      const dropped = current.output().split("duplicate event dropped").length - 1;
      console.info(
        `[feishu kill -9 at ${delayMs} ms] ${EVENTS} answered 200; ${answeredAtKill} answered before the kill; ` +
          `${answers.length} answered after the restart; ${dropped} redeliveries dropped as already handled; ` +
          `restart took ${restartedAt - killedAt} ms, all answered ${answeredAt - restartedAt} ms after it`,
      );
      expect(answers.map((m) => m.uuid).sort()).toEqual([...expected].sort());

      const database = await waitFor("the data folder to be free", () =>
        openDatabase({ dataDir: join(current.dataDir, "pglite") }),
      );
      try {
        const records = await database.prisma.sentMessage.findMany({
          where: { platform: "feishu", idempotencyKey: { in: keys } },
        });
        expect(records.map((r) => r.idempotencyKey).sort()).toEqual([...keys].sort());
      } finally {
        await database.close();
      }
    },
  );
});
