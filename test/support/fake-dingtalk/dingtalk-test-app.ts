/**
 * The real app with the DingTalk adapter, talking to a fake DingTalk: the sample office with
 * DingTalk ids added (userId = the person's id, groups `cid_<id>`), pushes sent over the fake Stream
 * gateway's WebSocket to the SDK's client.
 */
import type { AppOptions } from "../../../src/app/create-app.ts";
import { createDingtalkPlatform } from "../../../src/app/dingtalk-platform.ts";
import type { DingtalkAdapter } from "../../../src/bot/adapters/dingtalk/dingtalk-adapter.ts";
import {
  DINGTALK_DEFAULTS,
  type DingtalkSettings,
} from "../../../src/bot/adapters/dingtalk/dingtalk-settings.ts";
import { Directory } from "../../../src/bot/core/directory.ts";
import type { OfficeConfig } from "../../../src/config/load.ts";
import type { Database } from "../../../src/store/database.ts";
import { sampleConfig, silentLog, startTestApp, type TestApp } from "../app.ts";
import { openTestDatabase } from "../database.ts";
import { deletePrefixedKeys, testRedisUrl, uniquePrefix } from "../redis.ts";
import {
  FAKE_CLIENT_ID,
  FAKE_CLIENT_SECRET,
  FAKE_ROBOT_CODE,
  type FakeDingtalkServer,
} from "./fake-dingtalk-server.ts";

export const userIdOf = (personId: string) => personId;
export const conversationOf = (groupId: string) => `cid_${groupId.replace(/-/g, "_")}`;
export const CARD_TEMPLATE_ID = "kuaibao-card.schema";

/** The config with DingTalk ids for everyone. */
export function withDingtalkIds(config: OfficeConfig): OfficeConfig {
  return {
    ...config,
    org: {
      ...config.org,
      people: config.org.people.map((p) => ({ ...p, dingtalk: { user_id: userIdOf(p.id) } })),
      groups: config.org.groups.map((g) => ({
        ...g,
        dingtalk: { open_conversation_id: conversationOf(g.id) },
      })),
    },
  };
}

export function testSettings(
  fake: FakeDingtalkServer,
  overrides: Partial<DingtalkSettings> = {},
): DingtalkSettings {
  return {
    ...DINGTALK_DEFAULTS,
    clientId: FAKE_CLIENT_ID,
    clientSecret: FAKE_CLIENT_SECRET,
    robotCode: FAKE_ROBOT_CODE,
    baseUrl: fake.url,
    oapiUrl: fake.url,
    cardTemplateId: CARD_TEMPLATE_ID,
    requestTimeoutMs: 2000,
    backoffMs: 50,
    readPollMs: 0,
    ...overrides,
  };
}

export interface DingtalkTestApp {
  test: TestApp;
  adapter: DingtalkAdapter;
  keyPrefix: string;
  /** Waits until inbound work, handling and sends are all done. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export async function startDingtalkTestApp(
  fake: FakeDingtalkServer,
  options: Partial<Omit<AppOptions, "prisma" | "redisUrl" | "log" | "platforms">> & {
    settings?: Partial<DingtalkSettings>;
    keyPrefix?: string;
    database?: Database;
  } = {},
): Promise<DingtalkTestApp> {
  const config = options.config ?? withDingtalkIds(await sampleConfig());
  const database = options.database ?? (await openTestDatabase());
  const keyPrefix = options.keyPrefix ?? uniquePrefix("dingtalk");
  const directory = new Directory(config.org);
  const adapter = createDingtalkPlatform({
    settings: testSettings(fake, options.settings),
    redisUrl: testRedisUrl(),
    directory,
    prisma: database.prisma,
    log: silentLog,
    keyPrefix,
  });
  const { settings: _s, keyPrefix: _k, database: _d, ...appOptions } = options;
  const test = await startTestApp({
    console: { mode: "demo" },
    ...appOptions,
    config,
    database,
    platforms: [adapter],
    directory,
  });
  await fake.connected();
  return {
    test,
    adapter,
    keyPrefix,
    settle: () => test.app.idle(),
    async close() {
      await test.close();
      if (!options.database) await database.close();
      if (!options.keyPrefix) await deletePrefixedKeys(keyPrefix);
    },
  };
}
