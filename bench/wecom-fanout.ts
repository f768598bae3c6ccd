/**
 * The WeCom part (`BENCH_ONLY=wecom`): one alert fanned out to `BENCH_WECOM_CHATS` (100) app groups
 * through the real app (send queue → WeCom sink → client) against the fake WeCom server on
 * 127.0.0.1, with WeCom's real limits on, shared through Redis: group messages count their
 * recipients, at most 20 000 a minute for the corp, so with groups of `BENCH_WECOM_GROUP_SIZE`
 * (400) people at most 50 group messages a minute. The fan-out is compared with the minimum those
 * limits allow: the full minutes they force, plus one send's own time.
 */
import { performance } from "node:perf_hooks";
import { createWecomPlatform } from "../src/app/wecom-platform.ts";
import {
  groupSendsPerMinute,
  WECOM_DEFAULTS,
  WECOM_GROUP_RECIPIENTS_PER_MINUTE,
} from "../src/bot/adapters/wecom/wecom-settings.ts";
import type { OfficeConfig } from "../src/config/load.ts";
import {
  FAKE_AGENT_ID,
  FAKE_CORP_ID,
  FAKE_SECRET,
  type SentWecomMessage,
} from "../test/support/fake-wecom/fake-wecom-server.ts";
import { CALLBACK_AES_KEY, CALLBACK_TOKEN } from "../test/support/fake-wecom/wecom-payloads.ts";
import { fanOutAlert } from "./fanout-alert.ts";
import { withFanOutRun } from "./fanout-run.ts";
import type { BenchOptions } from "./options.ts";
import { round } from "./stats.ts";

const MINUTE_MS = 60_000;

export interface WecomPart {
  settings: { recipientsPerMinute: number; groupSize: number; groupSendsPerMinute: number; chats: number };
  singleSendMs: number;
  fanOut: { messages: number; measuredMs: number; minimumMs: number; ratio: number };
  /** The most group messages the fake server received within any one minute. */
  busiestMinute: number;
  checks: { ok: boolean; duplicates: number; lost: number; limitsHeld: boolean };
  /** Highest RSS while the part measured (fanout-run.ts). */
  peakRssMiB?: number;
}

const ALERT = fanOutAlert();

/** The office with WeCom userids for everyone and `chats` app groups to fan out to. */
function withFanOutGroups(config: OfficeConfig, chats: number): OfficeConfig {
  const groups = Array.from({ length: chats }, (_, i) => ({
    id: `fanout-${i}`,
    name: `分发群${i}`,
    unit: "qingshan",
    purpose: "unit" as const,
    members: ["zhangsan"],
    wecom: { chatid: `fanout${i}` },
  }));
  return {
    ...config,
    org: {
      ...config.org,
      people: config.org.people.map((p) => ({ ...p, wecom: { userid: p.id } })),
      groups: [...config.org.groups, ...groups],
    },
  };
}

/** The most timestamps within any window of `windowMs`. */
function busiestWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] as number) - (sorted[start] as number) >= windowMs) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

export async function wecomBench(input: {
  root: string;
  options: BenchOptions;
  redisUrl: string;
  runId: string;
  progress: (message: string) => void;
}): Promise<WecomPart> {
  const { options, progress } = input;
  const chats = options.BENCH_WECOM_CHATS;
  const groupSize = options.BENCH_WECOM_GROUP_SIZE;
  const settingsAt = (url: string) => ({
    ...WECOM_DEFAULTS,
    corpId: FAKE_CORP_ID,
    agentId: FAKE_AGENT_ID,
    secret: FAKE_SECRET,
    token: CALLBACK_TOKEN,
    aesKey: CALLBACK_AES_KEY,
    baseUrl: url,
    groupSendsPerMinute: groupSendsPerMinute(WECOM_GROUP_RECIPIENTS_PER_MINUTE, groupSize),
  });
  return withFanOutRun<SentWecomMessage, WecomPart>(
    {
      input,
      platform: "wecom",
      withGroups: (config) => withFanOutGroups(config, chats),
      adapter: (p) =>
        createWecomPlatform({
          settings: settingsAt(p.fakeUrl),
          urgent: { repeatEveryMs: 3_600_000, repeatLimit: 0 },
          redisUrl: p.redisUrl,
          directory: p.directory,
          prisma: p.prisma,
          log: p.log,
          keyPrefix: p.keyPrefix,
        }),
    },
    async ({ app, fake, config }) => {
      const settings = settingsAt(fake.url);
      // Warm-up (token, connections, queue) and one send's own time, alone: to five people, whose
      // limits are their own, so the groups' minute starts empty.
      const people = config.org.people.slice(0, 5);
      const single: number[] = [];
      for (const [i, person] of people.entries()) {
        const started = performance.now();
        await app.messenger.send({ chatId: `dm:${person.id}`, text: "预热", idempotencyKey: `warm-${i}` });
        await fake.waitForMessages(i + 1);
        single.push(performance.now() - started);
      }
      await app.idle();
      const singleSendMs = [...single].sort((a, b) => a - b)[Math.floor(single.length / 2)] as number;

      progress(
        `wecom: one alert to ${chats} app groups (${settings.groupSendsPerMinute} group messages a minute)`,
      );
      const before = people.length;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: chats }, (_, i) =>
          app.messenger.send({
            chatId: `fanout-${i}`,
            card: ALERT,
            mentions: ["zhangsan"],
            idempotencyKey: `alert-${i}`,
          }),
        ),
      );
      await fake.waitForMessages(before + chats);
      const fanOutMs = performance.now() - started;
      await app.idle();

      const stored = await fake.messages();
      const groupMessages = stored.filter((m) => m.kind === "group");
      const targets = groupMessages.map((m) => m.to[0]);
      const duplicates = targets.length - new Set(targets).size;
      const busiestMinute = busiestWindow(
        groupMessages.map((m) => m.at),
        MINUTE_MS,
      );
      const limitsHeld = busiestMinute <= settings.groupSendsPerMinute;
      const minimumMs = (Math.ceil(chats / settings.groupSendsPerMinute) - 1) * MINUTE_MS + singleSendMs;
      return {
        settings: {
          recipientsPerMinute: WECOM_GROUP_RECIPIENTS_PER_MINUTE,
          groupSize,
          groupSendsPerMinute: settings.groupSendsPerMinute,
          chats,
        },
        singleSendMs: round(singleSendMs, 1),
        fanOut: {
          messages: chats,
          measuredMs: round(fanOutMs, 1),
          minimumMs: round(minimumMs, 1),
          ratio: round(fanOutMs / minimumMs, 2),
        },
        busiestMinute,
        checks: {
          ok: duplicates === 0 && groupMessages.length === chats && limitsHeld,
          duplicates,
          lost: chats - groupMessages.length,
          limitsHeld,
        },
      };
    },
  );
}
