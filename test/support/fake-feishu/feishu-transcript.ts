/**
 * Runs a transcript (*.chat) through the Feishu adapter instead of the console: each line a person
 * says becomes an `im.message.receive_v1` event (mentions as `@_user_N`), each click a
 * `card.action.trigger` on the newest card with that button, all posted to the signed webhook;
 * expectations are read from what the fake Feishu server received. Time is virtual, as in the
 * console runner, so the same file must give the same outcomes on both.
 */
import { readFile } from "node:fs/promises";
import { parseTranscript, type TranscriptStep } from "../../../src/transcript/transcript-lines.ts";
import { sampleConfig } from "../app.ts";
import {
  ExpectationChecks,
  jobRunner,
  newestWithButton,
  postedFrom,
  type TranscriptFailure,
  timeStepTarget,
  virtualTime,
} from "../transcript-harness.ts";
import type { FakeFeishuServer, StoredMessage } from "./fake-feishu-server.ts";
import { cardActionEvent, type MentionSpec, messageEvent } from "./feishu-payloads.ts";
import {
  chatIdOf,
  FAKE_BOT_OPEN_ID,
  type FeishuTestApp,
  openIdOf,
  startFeishuTestApp,
  VERIFICATION_TOKEN,
  withFeishuIds,
} from "./feishu-test-app.ts";
import { buttonsOf, viewText } from "./feishu-view.ts";

export type FeishuTranscriptFailure = TranscriptFailure;

export async function runTranscriptOnFeishu(
  file: string,
  fake: FakeFeishuServer,
  /** Runs before each step: what happens on phones meanwhile (people reading messages, say). */
  beforeStep?: (step: TranscriptStep, app: FeishuTestApp) => Promise<void>,
): Promise<FeishuTranscriptFailure[]> {
  const steps = parseTranscript(await readFile(file, "utf8"));
  const config = withFeishuIds(await sampleConfig());
  const timeZone = config.policy.timezone;
  const { clock, scheduler } = virtualTime(steps, timeZone);
  const app = await startFeishuTestApp(fake, { config, clock, scheduler });
  const { directory } = app.test.app.services;
  let watermark = 0;

  const nameOf = (openId: string) =>
    directory.people().find((p) => openIdOf(p.id) === openId)?.name ?? openId;
  const where = (chatRef: string) => {
    const chat = directory.chat(chatRef);
    if (!chat) throw new Error(`没有这个会话：${chatRef}`);
    const person = chat.kind === "direct" ? (chat.members[0] as string) : undefined;
    return {
      chat,
      receiveId: person ? openIdOf(person) : chatIdOf(chat.id),
      feishuChatId: person ? `oc_p2p_${person}` : chatIdOf(chat.id),
    };
  };
  const messagesIn = (receiveId: string, from: number) =>
    postedFrom(fake.messages, from, (m) => m.receiveId === receiveId);
  const runJobs = jobRunner(app, scheduler);
  const act = async (payload: unknown) => {
    watermark = fake.messages.length;
    const response = await app.post(payload);
    if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
    await app.settle();
    await runJobs(clock.now());
  };
  const describe = (m: StoredMessage) =>
    `${m.urgent.length > 0 ? "[加急] " : ""}${viewText(m, nameOf).replace(/\n/g, " ⏎ ")}`;
  const checks = new ExpectationChecks({
    messagesTo: messagesIn,
    text: (m) => viewText(m, nameOf),
    urgent: (m) => m.urgent.length > 0,
    describe,
  });
  const failures = checks.failures;

  try {
    for (const step of steps) {
      await beforeStep?.(step, app);
      switch (step.kind) {
        case "now":
        case "wait":
        case "waitUntil": {
          if (step.kind !== "now") watermark = fake.messages.length;
          const target = timeStepTarget(step, clock.now(), timeZone);
          if (target) await runJobs(target);
          break;
        }
        case "say": {
          const { chat, feishuChatId } = where(step.chat);
          const person = directory.person(step.person);
          if (!person) throw new Error(`没有这个人：${step.person}`);
          const mentions: MentionSpec[] = [];
          const text = step.text.replace(/@(bot\b|\S+)/gi, (whole, name: string) => {
            const who =
              name.toLowerCase() === "bot" || name === directory.botName
                ? { openId: FAKE_BOT_OPEN_ID, name: directory.botName }
                : directory.person(name)
                  ? { openId: openIdOf(directory.person(name)?.id as string), name }
                  : undefined;
            if (!who) return whole;
            mentions.push(who);
            return `@{${mentions.length - 1}}`;
          });
          await act(
            messageEvent({
              chatId: feishuChatId,
              chatType: chat.kind === "direct" ? "p2p" : "group",
              senderOpenId: openIdOf(person.id),
              text,
              mentions,
              token: VERIFICATION_TOKEN,
            }),
          );
          break;
        }
        case "click": {
          const { receiveId, feishuChatId } = where(step.chat);
          const person = directory.person(step.person);
          const target = newestWithButton(messagesIn(receiveId, 0), (m) => buttonsOf(m), step.label);
          if (!person || !target?.button) {
            failures.push({ line: step.line, expectation: step.label, instead: ["没有这个按钮"] });
            break;
          }
          await act(
            cardActionEvent({
              operatorOpenId: openIdOf(person.id),
              value: target.button.value,
              messageId: target.m.messageId,
              chatId: feishuChatId,
              token: VERIFICATION_TOKEN,
            }),
          );
          break;
        }
        case "expect":
          checks.expect(step, where(step.chat).receiveId);
          break;
        case "expectNot":
          checks.expectNot(step, where(step.chat).receiveId, watermark);
          break;
        default:
          break;
      }
    }
  } finally {
    await app.close();
  }
  return failures;
}
