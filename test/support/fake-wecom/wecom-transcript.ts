/**
 * Runs a transcript (*.chat) through the WeCom adapter instead of the console: each line a person
 * says in their one-to-one chat (私聊) becomes a text callback, each click a template card press on
 * the newest card with that button sent to them, all posted encrypted and signed to the callback;
 * expectations are read from what the fake WeCom server received (app messages to the person, group
 * messages to the app group). WeCom delivers no group messages to a self-built app, so a line said
 * in a group is a failure here. Time is virtual, as in the console runner.
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
import type { FakeWecomServer, SentWecomMessage } from "./fake-wecom-server.ts";
import { cardEventXml, textXml } from "./wecom-payloads.ts";
import { chatIdOf, startWecomTestApp, userIdOf, type WecomTestApp, withWecomIds } from "./wecom-test-app.ts";
import { buttonsOf, viewText } from "./wecom-view.ts";

export type WecomTranscriptFailure = TranscriptFailure;

const URGENT_MARK = "【加急】";

export async function runTranscriptOnWecom(
  file: string,
  fake: FakeWecomServer,
  afterRun?: (app: WecomTestApp) => Promise<void>,
): Promise<WecomTranscriptFailure[]> {
  const steps = parseTranscript(await readFile(file, "utf8"));
  const config = withWecomIds(await sampleConfig());
  const timeZone = config.policy.timezone;
  const { clock, scheduler } = virtualTime(steps, timeZone);
  const app = await startWecomTestApp(fake, { config, clock, scheduler });
  const { directory } = app.test.app.services;
  let watermark = 0;

  const where = (chatRef: string) => {
    const chat = directory.chat(chatRef);
    if (!chat) throw new Error(`没有这个会话：${chatRef}`);
    const person = chat.kind === "direct" ? (chat.members[0] as string) : undefined;
    return { chat, person, wecomId: person ? userIdOf(person) : chatIdOf(chat.id) };
  };
  const messagesTo = (wecomId: string, from: number) =>
    postedFrom(fake.messages, from, (m) => m.to.includes(wecomId));
  const runJobs = jobRunner(app, scheduler);
  const act = async (xml: string) => {
    watermark = fake.messages.length;
    const response = await app.post(xml);
    if (response.status !== 200) throw new Error(`callback answered ${response.status}`);
    await app.settle();
    await runJobs(clock.now());
  };
  const describe = (m: SentWecomMessage) => viewText(m).replace(/\n/g, " ⏎ ");
  const checks = new ExpectationChecks({
    messagesTo,
    text: (m) => viewText(m),
    urgent: (m) => viewText(m).includes(URGENT_MARK),
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
          const { person } = where(step.chat);
          const speaker = directory.person(step.person);
          if (!speaker) throw new Error(`没有这个人：${step.person}`);
          if (!person) {
            failures.push({
              line: step.line,
              expectation: step.text,
              instead: ["企业微信自建应用收不到群消息"],
            });
            break;
          }
          await act(textXml({ userId: userIdOf(speaker.id), text: step.text.replace(/@bot\s*/gi, "") }));
          break;
        }
        case "click": {
          const speaker = directory.person(step.person);
          const target = speaker
            ? newestWithButton(messagesTo(userIdOf(speaker.id), 0), (m) => buttonsOf(m), step.label)
            : undefined;
          if (!speaker || !target?.button || !target.m.taskId) {
            failures.push({ line: step.line, expectation: step.label, instead: ["没有这个按钮"] });
            break;
          }
          await act(
            cardEventXml({
              userId: userIdOf(speaker.id),
              taskId: target.m.taskId,
              eventKey: target.button.key,
              responseCode: fake.responseCodeFor(target.m.taskId),
            }),
          );
          break;
        }
        case "expect":
          checks.expect(step, where(step.chat).wecomId);
          break;
        case "expectNot":
          checks.expectNot(step, where(step.chat).wecomId, watermark);
          break;
        default:
          break;
      }
    }
    await afterRun?.(app);
  } finally {
    await app.close();
  }
  return failures;
}
