/**
 * kill -9 after WeCom was answered: the real bot (a child process, WeCom against the fake server,
 * PGlite, the test Redis) is sent 6 signed messages from one person, each answered 200, and is
 * killed with SIGKILL right after the last answer. Started again on the same data folder and Redis,
 * it handles every one exactly once: one answer each at the fake WeCom server, none twice.
 */
import { afterEach, describe, expect, it } from "vitest";
import { safeJobId } from "../../../../../src/queue/queue-names.ts";
import { textXml } from "../../../../support/fake-wecom/wecom-payloads.ts";
import { userIdOf } from "../../../../support/fake-wecom/wecom-test-app.ts";
import { viewText } from "../../../../support/fake-wecom/wecom-view.ts";
import { waitFor } from "../../../../support/wait-for.ts";
import { WecomBotProcess } from "./wecom-bot-process.ts";

const EVENTS = 6;
const RECOVERY_MS = 120_000;

let bot: WecomBotProcess | undefined;

afterEach(async () => {
  await bot?.dispose();
  bot = undefined;
});

describe("kill -9 after WeCom messages were answered 200", () => {
  it("handles each message exactly once after a restart", { timeout: 300_000 }, async () => {
    const current = await WecomBotProcess.create("wecom-kill");
    bot = current;
    await current.start();
    const stamp = Date.now();
    const msgIds = Array.from({ length: EVENTS }, (_, i) => `${stamp}${String(i).padStart(3, "0")}`);
    // Each asks something answered with its own text: the 6 answers are told apart by what they say.
    const statuses = await Promise.all(
      msgIds.map((msgId, i) =>
        current.post(textXml({ userId: userIdOf("zhangsan"), text: i % 2 === 0 ? "帮助" : "我是谁", msgId })),
      ),
    );
    expect(statuses).toEqual(Array(EVENTS).fill(200));
    await current.kill();
    const answeredAtKill = current.fake.messagesTo(userIdOf("zhangsan")).length;

    await current.start();
    await waitFor(
      "every inbound job completed after the restart",
      async () => {
        for (const id of msgIds)
          if ((await current.inboundJobState(safeJobId(`wecom-msg-${id}`))) !== "completed") return false;
        return (await current.unfinishedSends()) === 0;
      },
      { timeoutMs: RECOVERY_MS, intervalMs: 100 },
    ).catch((error: unknown) => {
      throw new Error(`${(error as Error).message}\n${current.output()}`);
    });
    await current.kill();
    const answers = current.fake.messagesTo(userIdOf("zhangsan")).map((m) => viewText(m));
    console.info(
      `[wecom kill -9] ${EVENTS} answered 200; ${answeredAtKill} answered before the kill; ${answers.length} in all`,
    );
    expect(answers).toHaveLength(EVENTS);
    expect(answers.filter((text) => text.includes("张三"))).toHaveLength(EVENTS / 2);
  });
});
