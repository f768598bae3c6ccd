/**
 * Runs a transcript (*.chat) through the DingTalk adapter instead of the console: each line a person
 * says becomes a robot message pushed over the fake Stream connection (DingTalk takes the robot's @
 * out of the text; other @ stay as `@名字` with the person in `atUsers`), each click a card callback
 * on the newest card with that button; expectations are read from what the fake DingTalk received.
 * Time is virtual, as in the console runner, so the same file must give the same outcomes on both.
 */
import { readFile } from "node:fs/promises";
import { parseTranscript } from "../../../src/transcript/transcript-lines.ts";
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
import { cardCallback, robotMessage } from "./dingtalk-payloads.ts";
import { conversationOf, startDingtalkTestApp, userIdOf, withDingtalkIds } from "./dingtalk-test-app.ts";
import { buttonsOf, viewText } from "./dingtalk-view.ts";
import type { FakeDingtalkServer, StoredMessage } from "./fake-dingtalk-server.ts";

export type DingtalkTranscriptFailure = TranscriptFailure;

const TOPIC_ROBOT = "/v1.0/im/bot/messages/get";
const TOPIC_CARD = "/v1.0/card/instances/callback";

export async function runTranscriptOnDingtalk(
  file: string,
  fake: FakeDingtalkServer,
): Promise<DingtalkTranscriptFailure[]> {
  const steps = parseTranscript(await readFile(file, "utf8"));
  const config = withDingtalkIds(await sampleConfig());
  const timeZone = config.policy.timezone;
  const { clock, scheduler } = virtualTime(steps, timeZone);
  const app = await startDingtalkTestApp(fake, { config, clock, scheduler });
  const { directory } = app.test.app.services;
  let watermark = 0;

  const where = (chatRef: string) => {
    const chat = directory.chat(chatRef);
    if (!chat) throw new Error(`没有这个会话：${chatRef}`);
    const person = chat.kind === "direct" ? (chat.members[0] as string) : undefined;
    return {
      chat,
      to: person ? userIdOf(person) : conversationOf(chat.id),
      conversationId: person ? `cid_dm_${person}` : conversationOf(chat.id),
    };
  };
  const messagesIn = (to: string, from: number) => postedFrom(fake.messages, from, (m) => m.to === to);
  const runJobs = jobRunner(app, scheduler);
  const act = async (topic: string, payload: unknown) => {
    watermark = fake.messages.length;
    await fake.push(topic, payload);
    await app.settle();
    await runJobs(clock.now());
  };
  const describe = (m: StoredMessage) =>
    `${fake.dingsOf(m).length > 0 ? "[DING] " : ""}${viewText(fake, m).replace(/\n/g, " ⏎ ")}`;
  const checks = new ExpectationChecks({
    messagesTo: messagesIn,
    text: (m) => viewText(fake, m),
    urgent: (m) => fake.dingsOf(m).length > 0,
    describe,
  });
  const failures = checks.failures;

  try {
    for (const step of steps) {
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
          const { chat, conversationId } = where(step.chat);
          const person = directory.person(step.person);
          if (!person) throw new Error(`没有这个人：${step.person}`);
          const atUserIds: string[] = [];
          const text = step.text
            .replace(/@(bot\b|\S+)/gi, (whole, name: string) => {
              if (name.toLowerCase() === "bot" || name === directory.botName) return "";
              const mentioned = directory.person(name);
              if (!mentioned) return whole;
              atUserIds.push(userIdOf(mentioned.id));
              return `@${mentioned.name}`;
            })
            .trim();
          await act(
            TOPIC_ROBOT,
            robotMessage({
              conversationId,
              direct: chat.kind === "direct",
              senderUserId: userIdOf(person.id),
              senderNick: person.name,
              text,
              atUserIds,
            }),
          );
          break;
        }
        case "click": {
          const { to } = where(step.chat);
          const person = directory.person(step.person);
          const target = newestWithButton(messagesIn(to, 0), (m) => buttonsOf(fake, m), step.label);
          if (!person || !target?.button || !target.m.outTrackId) {
            failures.push({ line: step.line, expectation: step.label, instead: ["没有这个按钮"] });
            break;
          }
          await act(
            TOPIC_CARD,
            cardCallback({
              outTrackId: target.m.outTrackId,
              userId: userIdOf(person.id),
              value: target.button.value,
              spaceId: to,
            }),
          );
          break;
        }
        case "expect":
          checks.expect(step, where(step.chat).to);
          break;
        case "expectNot":
          checks.expectNot(step, where(step.chat).to, watermark);
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
