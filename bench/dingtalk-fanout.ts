/**
 * The DingTalk part (`BENCH_ONLY=dingtalk`): one alert card fanned out to `BENCH_DINGTALK_CHATS`
 * (100) DingTalk groups through the real app (send queue → DingTalk sink → OpenAPI client) against
 * the fake DingTalk in a child process, with DingTalk's limits as the adapter's defaults
 * (DINGTALK_APP_RATE_PER_SECOND 20 calls/s for the app, DINGTALK_CHAT_RATE_PER_MINUTE 20 messages a
 * minute per group), shared through Redis, and the fake refusing calls over 20/s as DingTalk's
 * throttling does. Compared with the minimum the limits allow: the full one-second windows the app
 * limit forces, plus one send's own time (the per-group limit does not bind: one card per group).
 */
import { performance } from "node:perf_hooks";
import { createDingtalkPlatform } from "../src/app/dingtalk-platform.ts";
import { DINGTALK_DEFAULTS } from "../src/bot/adapters/dingtalk/dingtalk-settings.ts";
import type { OfficeConfig } from "../src/config/load.ts";
import {
  FAKE_CLIENT_ID,
  FAKE_CLIENT_SECRET,
  FAKE_ROBOT_CODE,
  type StoredMessage,
} from "../test/support/fake-dingtalk/fake-dingtalk-server.ts";
import { type BusiestSecond, busiestSecond } from "./busiest-second.ts";
import { fanOutAlert } from "./fanout-alert.ts";
import { withFanOutRun } from "./fanout-run.ts";
import type { BenchOptions } from "./options.ts";
import { round } from "./stats.ts";

export interface DingtalkPart {
  settings: { appPerSecond: number; chatPerMinute: number; chats: number };
  singleSendMs: number;
  fanOut: { messages: number; chats: number; measuredMs: number; minimumMs: number; ratio: number };
  /** The most calls the fake received within one second, over all and into one group. */
  busiestSecond: BusiestSecond;
  checks: { ok: boolean; duplicates: number; lost: number; throttled: number; limitsHeld: boolean };
  /** Highest RSS while the part measured (fanout-run.ts). */
  peakRssMiB?: number;
}

const WARM_UP = 5;

const ALERT = fanOutAlert();

/** `chats` groups with a DingTalk group each, and a DingTalk userId for everyone (no contact look-ups). */
function withFanOutGroups(config: OfficeConfig, chats: number): OfficeConfig {
  const groups = Array.from({ length: chats }, (_, i) => ({
    id: `fanout-${i}`,
    name: `分发群${i}`,
    unit: "qingshan",
    purpose: "unit" as const,
    members: ["zhangsan"],
    dingtalk: { open_conversation_id: `cid_fanout_${i}` },
  }));
  const people = config.org.people.map((p) => ({ ...p, dingtalk: { user_id: p.id } }));
  return { ...config, org: { ...config.org, people, groups: [...config.org.groups, ...groups] } };
}

export async function dingtalkBench(input: {
  root: string;
  options: BenchOptions;
  redisUrl: string;
  runId: string;
  progress: (message: string) => void;
}): Promise<DingtalkPart> {
  const { options, progress } = input;
  const chats = options.BENCH_DINGTALK_CHATS;
  const settingsAt = (url: string) => ({
    ...DINGTALK_DEFAULTS,
    clientId: FAKE_CLIENT_ID,
    clientSecret: FAKE_CLIENT_SECRET,
    robotCode: FAKE_ROBOT_CODE,
    baseUrl: url,
    oapiUrl: url,
    cardTemplateId: "kuaibao-card.schema",
    readPollMs: 0,
  });
  return withFanOutRun<StoredMessage, DingtalkPart>(
    {
      input,
      platform: "dingtalk",
      withGroups: (config) => withFanOutGroups(config, chats),
      // The fake refuses calls over the app's limit per second, as DingTalk does.
      fakeEnv: { FAKE_DINGTALK_QPS: String(DINGTALK_DEFAULTS.appPerSecond) },
      adapter: (p) =>
        createDingtalkPlatform({
          settings: settingsAt(p.fakeUrl),
          redisUrl: p.redisUrl,
          directory: p.directory,
          prisma: p.prisma,
          log: p.log,
          keyPrefix: p.keyPrefix,
        }),
    },
    async ({ app, fake }) => {
      const settings = settingsAt(fake.url);
      // Warm-up (token, connection, queue), then one send's own time, alone.
      const single: number[] = [];
      for (let i = 0; i < WARM_UP; i++) {
        const started = performance.now();
        await app.messenger.send({ chatId: `fanout-${i}`, card: ALERT, idempotencyKey: `warm-${i}` });
        await fake.waitForMessages(i + 1);
        single.push(performance.now() - started);
      }
      await app.idle();
      // Let the warm-up's slots leave the one-second window.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const singleSendMs = [...single].sort((a, b) => a - b)[2] as number;

      progress(`dingtalk: one alert to ${chats} groups`);
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
      await fake.waitForMessages(WARM_UP + chats);
      const fanOutMs = performance.now() - started;
      await app.idle();

      const stored = await fake.messages();
      const { throttled } = await fake.get<{ throttled: number }>("/__fake/stats");
      const ids = stored.map((m) => m.outTrackId ?? m.processQueryKey);
      const duplicates = ids.length - new Set(ids).size;
      const expected = WARM_UP + chats;
      const busiest = busiestSecond(stored.map((m) => ({ at: m.at, receiveId: m.to })));
      const limitsHeld = throttled === 0 && busiest.app <= settings.appPerSecond;
      const minimumMs = (Math.ceil(chats / settings.appPerSecond) - 1) * 1000 + singleSendMs;
      return {
        settings: { appPerSecond: settings.appPerSecond, chatPerMinute: settings.chatPerMinute, chats },
        singleSendMs: round(singleSendMs, 1),
        fanOut: {
          messages: chats,
          chats,
          measuredMs: round(fanOutMs, 1),
          minimumMs: round(minimumMs, 1),
          ratio: round(fanOutMs / minimumMs, 2),
        },
        busiestSecond: busiest,
        checks: {
          ok: duplicates === 0 && stored.length === expected && limitsHeld,
          duplicates,
          lost: expected - stored.length,
          throttled,
          limitsHeld,
        },
      };
    },
  );
}

/** Issue 17: the fan-out within 1.2× of the minimum DingTalk's limits allow. */
export const DINGTALK_MAX_RATIO = 1.2;

export interface DingtalkTargetCheck {
  target: string;
  measured: number;
  met: boolean;
  how: string;
}

export function dingtalkTarget(d: DingtalkPart): DingtalkTargetCheck {
  return {
    target: `one alert to ${d.fanOut.chats} DingTalk groups within ${DINGTALK_MAX_RATIO}× the minimum the limits allow`,
    measured: d.fanOut.ratio,
    met: d.fanOut.ratio <= DINGTALK_MAX_RATIO,
    how: `${d.fanOut.measuredMs} ms against a minimum of ${d.fanOut.minimumMs} ms (${d.settings.appPerSecond}/s per app, ${d.settings.chatPerMinute}/min per group)`,
  };
}

export function dingtalkLines(d: DingtalkPart | undefined): string[] {
  if (!d) return [];
  return [
    `  dingtalk  limits ${d.settings.chatPerMinute}/min per group, ${d.settings.appPerSecond}/s per app; one send alone ${d.singleSendMs} ms`,
    `    fan-out ${d.fanOut.messages} groups: ${d.fanOut.measuredMs} ms (minimum ${d.fanOut.minimumMs} ms, ${d.fanOut.ratio}×)`,
    `    duplicates ${d.checks.duplicates}, lost ${d.checks.lost}, throttled by DingTalk ${d.checks.throttled}; most received within one second: ${d.busiestSecond.app} in all, ${d.busiestSecond.chat} into one group`,
  ];
}
