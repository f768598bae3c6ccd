/**
 * The Feishu part (`BENCH_ONLY=feishu`): one alert card fanned out to `BENCH_FEISHU_CHATS` (100)
 * Feishu groups, and a burst of `BENCH_FEISHU_BURST` (20) messages into one group, through the real
 * app (send queue → Feishu sink → SDK client) against the fake Feishu server on 127.0.0.1, with the
 * per-chat (5/s) and app (50/s) limits on, shared through Redis. Each is compared with the minimum
 * the limits allow: full windows the limits force, plus one send's own time.
 */
import { performance } from "node:perf_hooks";
import { createFeishuPlatform } from "../src/app/feishu-platform.ts";
import { FEISHU_DEFAULTS } from "../src/bot/adapters/feishu/feishu-settings.ts";
import type { OfficeConfig } from "../src/config/load.ts";
import {
  FAKE_APP_ID,
  FAKE_APP_SECRET,
  type StoredMessage,
} from "../test/support/fake-feishu/fake-feishu-server.ts";
import { type BusiestSecond, busiestSecond } from "./busiest-second.ts";
import { fanOutAlert } from "./fanout-alert.ts";
import { withFanOutRun } from "./fanout-run.ts";
import type { BenchOptions } from "./options.ts";
import { round } from "./stats.ts";

export interface FeishuRun {
  messages: number;
  chats: number;
  measuredMs: number;
  /** Windows the limits force, times the window, plus one send's time. */
  minimumMs: number;
  ratio: number;
}

export interface FeishuPart {
  settings: { perChatPerSecond: number; appPerSecond: number; chats: number; burst: number };
  singleSendMs: number;
  fanOut: FeishuRun;
  burst: FeishuRun;
  /** The most calls the fake server received within one second, over all and into one chat. */
  busiestSecond: BusiestSecond;
  checks: { ok: boolean; duplicates: number; lost: number; limitsHeld: boolean };
  /** Highest RSS while the part measured (fanout-run.ts). */
  peakRssMiB?: number;
}

const ALERT = fanOutAlert({ withFollowUp: true });

function withFanOutGroups(config: OfficeConfig, chats: number): OfficeConfig {
  const groups = Array.from({ length: chats }, (_, i) => ({
    id: `fanout-${i}`,
    name: `分发群${i}`,
    unit: "qingshan",
    purpose: "unit" as const,
    members: ["zhangsan"],
    feishu: { chat_id: `oc_fanout_${i}` },
  }));
  return { ...config, org: { ...config.org, groups: [...config.org.groups, ...groups] } };
}

export async function feishuBench(input: {
  root: string;
  options: BenchOptions;
  redisUrl: string;
  runId: string;
  progress: (message: string) => void;
}): Promise<FeishuPart> {
  const { options, progress } = input;
  const chats = options.BENCH_FEISHU_CHATS;
  const burst = options.BENCH_FEISHU_BURST;
  const settingsAt = (url: string) => ({
    ...FEISHU_DEFAULTS,
    appId: FAKE_APP_ID,
    appSecret: FAKE_APP_SECRET,
    domain: url,
    mode: "webhook" as const,
    encryptKey: "bench",
    verificationToken: "bench",
    readPollMs: 0,
  });
  return withFanOutRun<StoredMessage, FeishuPart>(
    {
      input,
      platform: "feishu",
      withGroups: (config) => withFanOutGroups(config, chats),
      adapter: (p) =>
        createFeishuPlatform({
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
      const waitForMessages = (count: number) => fake.waitForMessages(count);
      // Warm-up (token, connections, queue), then one send's own time, alone.
      const single: number[] = [];
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        await app.messenger.send({ chatId: `fanout-${i}`, card: ALERT, idempotencyKey: `warm-${i}` });
        await waitForMessages(i + 1);
        single.push(performance.now() - started);
      }
      await app.idle();
      // Let the warm-up's slots leave the one-second windows.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const singleSendMs = [...single].sort((a, b) => a - b)[2] as number;

      progress(`feishu: one alert to ${chats} chats`);
      const before = 5;
      let started = performance.now();
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
      await waitForMessages(before + chats);
      const fanOutMs = performance.now() - started;
      await app.idle();
      await new Promise((resolve) => setTimeout(resolve, 1500));

      progress(`feishu: ${burst} messages into one chat`);
      const beforeBurst = 5 + chats;
      started = performance.now();
      await Promise.all(
        Array.from({ length: burst }, (_, i) =>
          app.messenger.send({ chatId: "fanout-0", text: `第 ${i + 1} 条`, idempotencyKey: `burst-${i}` }),
        ),
      );
      await waitForMessages(beforeBurst + burst);
      const burstMs = performance.now() - started;
      await app.idle();

      const stored = await fake.messages();
      const uuids = stored.map((m) => m.uuid);
      const duplicates = uuids.length - new Set(uuids).size;
      const expected = 5 + chats + burst;
      const busiest = busiestSecond(stored);
      const limitsHeld = busiest.app <= settings.appPerSecond && busiest.chat <= settings.perChatPerSecond;
      const run = (messages: number, chatCount: number, measuredMs: number, windows: number): FeishuRun => {
        const minimumMs = windows * 1000 + singleSendMs;
        return {
          messages,
          chats: chatCount,
          measuredMs: round(measuredMs, 1),
          minimumMs: round(minimumMs, 1),
          ratio: round(measuredMs / minimumMs, 2),
        };
      };
      return {
        settings: {
          perChatPerSecond: settings.perChatPerSecond,
          appPerSecond: settings.appPerSecond,
          chats,
          burst,
        },
        singleSendMs: round(singleSendMs, 1),
        fanOut: run(chats, chats, fanOutMs, Math.ceil(chats / settings.appPerSecond) - 1),
        burst: run(burst, 1, burstMs, Math.ceil(burst / settings.perChatPerSecond) - 1),
        busiestSecond: busiest,
        checks: {
          ok: duplicates === 0 && stored.length === expected && limitsHeld,
          duplicates,
          lost: expected - stored.length,
          limitsHeld,
        },
      };
    },
  );
}
