/**
 * Issue 17's kill test, as Feishu's: the real bot (a child process, DingTalk's Stream connection to
 * the fake DingTalk, PGlite, the test Redis) is pushed 8 robot messages from one person in one group,
 * each acknowledged, and is killed with SIGKILL 0, 50 or 150 ms after the last acknowledgement.
 * Started again on the same data folder and Redis, it handles every one of the 8 exactly once: each
 * inbound job completed, one sent-message record per answer. DingTalk's robot messages carry no
 * idempotency key (unlike Feishu's uuid), so a send DingTalk took but the killed process had not yet
 * recorded goes again: the answers at the fake are the 8, plus at most those sends in flight at the kill.
 */
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { safeJobId } from "../../../../../src/queue/queue-names.ts";
import { openDatabase } from "../../../../../src/store/database.ts";
import { robotMessage } from "../../../../support/fake-dingtalk/dingtalk-payloads.ts";
import { conversationOf } from "../../../../support/fake-dingtalk/dingtalk-test-app.ts";
import { waitFor } from "../../../../support/wait-for.ts";
import { DingtalkBotProcess } from "./dingtalk-bot-process.ts";

const EVENTS = 8;
const QINGSHAN = conversationOf("qingshan-work");
const TOPIC_ROBOT = "/v1.0/im/bot/messages/get";
/** A restart (PGlite reopened after the kill) and the killed process's jobs handed on. */
const RECOVERY_MS = 120_000;

let bot: DingtalkBotProcess | undefined;

afterEach(async () => {
  await bot?.dispose();
  bot = undefined;
});

/** The DingTalk sent-message records under these keys, read from the (stopped) bot's data folder. */
async function recordedKeys(dataDir: string, keys: string[]): Promise<string[]> {
  const database = await waitFor("the data folder to be free", () =>
    openDatabase({ dataDir: join(dataDir, "pglite") }),
  );
  try {
    const records = await database.prisma.sentMessage.findMany({
      where: { platform: "dingtalk", idempotencyKey: { in: keys } },
    });
    return records.map((r) => r.idempotencyKey);
  } finally {
    await database.close();
  }
}

describe("kill -9 after 8 DingTalk pushes were acknowledged", () => {
  it.each([0, 50, 150])(
    "killed %i ms after the last acknowledgement: all 8 handled exactly once after a restart",
    { timeout: 300_000 },
    async (delayMs) => {
      const current = await DingtalkBotProcess.create(`dingtalk-kill-${delayMs}`);
      bot = current;
      await current.start();
      const stamp = Date.now().toString(36);
      const msgIds = Array.from({ length: EVENTS }, (_, i) => `msgkill${delayMs}${stamp}${i}`);
      const acks = await Promise.all(
        msgIds.map((msgId, i) =>
          current.fake.push(
            TOPIC_ROBOT,
            robotMessage({
              conversationId: QINGSHAN,
              direct: false,
              senderUserId: "zhangsan",
              text: i % 2 === 0 ? "帮助" : "我是谁",
              msgId,
            }),
          ),
        ),
      );
      expect(acks.map((a) => a.code)).toEqual(Array(EVENTS).fill(200));
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      await current.kill();
      const keys = msgIds.map((id) => `dingtalk-msg-${id}-1`);
      const answeredAtKill = current.fake.messagesTo(QINGSHAN).length;
      const recordedAtKill = (await recordedKeys(current.dataDir, keys)).length;
      // Sends DingTalk took that the killed bot had not recorded: the only ones that may go twice.
      const inFlight = answeredAtKill - recordedAtKill;
      expect(inFlight).toBeGreaterThanOrEqual(0);

      const killedAt = Date.now();
      await current.start();
      const restartedAt = Date.now();
      await waitFor(
        "every inbound job completed and every answer sent",
        async () => {
          for (const id of msgIds)
            if ((await current.inboundJobState(safeJobId(`dingtalk-msg-${id}`))) !== "completed")
              return false;
          return (await current.unfinishedSends()) === 0;
        },
        { timeoutMs: RECOVERY_MS, intervalMs: 100 },
      ).catch((error: unknown) => {
        throw new Error(`${(error as Error).message}\n${current.output()}`);
      });
      const answeredAt = Date.now();
      await current.kill();

      const answers = current.fake.messagesTo(QINGSHAN);
      console.info(
        `[dingtalk kill -9 at ${delayMs} ms] ${EVENTS} acknowledged; ${answeredAtKill} answered before the kill ` +
          `(${recordedAtKill} recorded); ${answers.length} answers in all; restart took ${restartedAt - killedAt} ms, ` +
          `all handled ${answeredAt - restartedAt} ms after it`,
      );
      expect((await recordedKeys(current.dataDir, keys)).sort()).toEqual([...keys].sort());
      expect(answers.length).toBeGreaterThanOrEqual(EVENTS);
      expect(answers.length).toBeLessThanOrEqual(EVENTS + inFlight);
      const helps = answers.filter((m) => (m.param.content ?? m.param.text ?? "").includes("帮助"));
      expect(helps.length).toBeGreaterThanOrEqual(EVENTS / 2);
    },
  );
});
