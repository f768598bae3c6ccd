/**
 * The real app with the Feishu adapter, in webhook mode, talking to a fake Feishu server: the
 * sample office with Feishu ids added (people `ou_<id>`, groups `oc_<id>`), events posted to the
 * app's webhook encrypted and signed as Feishu does.
 */

import { afterEach, beforeEach } from "vitest";
import type { AppOptions } from "../../../src/app/create-app.ts";
import { createFeishuPlatform } from "../../../src/app/feishu-platform.ts";
import type { FeishuAdapter } from "../../../src/bot/adapters/feishu/feishu-adapter.ts";
import { FEISHU_DEFAULTS, type FeishuSettings } from "../../../src/bot/adapters/feishu/feishu-settings.ts";
import { Directory } from "../../../src/bot/core/directory.ts";
import type { OfficeConfig } from "../../../src/config/load.ts";
import type { Database } from "../../../src/store/database.ts";
import { sampleConfig, silentLog, startTestApp, type TestApp } from "../app.ts";
import { openTestDatabase } from "../database.ts";
import { deletePrefixedKeys, testRedisUrl, uniquePrefix } from "../redis.ts";
import { FAKE_APP_ID, FAKE_APP_SECRET, FAKE_BOT_OPEN_ID, FakeFeishuServer } from "./fake-feishu-server.ts";
import { signedRequest } from "./feishu-payloads.ts";

export const ENCRYPT_KEY = "test-encrypt-key";
export const VERIFICATION_TOKEN = "test-verification-token";

export const openIdOf = (personId: string) => `ou_${personId.replace(/-/g, "_")}`;
export const chatIdOf = (groupId: string) => `oc_${groupId.replace(/-/g, "_")}`;

/** The config with Feishu ids for everyone (or only for those `keep` allows). */
export function withFeishuIds(
  config: OfficeConfig,
  keep: { person?: (id: string) => boolean } = {},
): OfficeConfig {
  return {
    ...config,
    org: {
      ...config.org,
      people: config.org.people.map((p) =>
        keep.person && !keep.person(p.id) ? p : { ...p, feishu: { open_id: openIdOf(p.id) } },
      ),
      groups: config.org.groups.map((g) => ({ ...g, feishu: { chat_id: chatIdOf(g.id) } })),
    },
  };
}

export function testSettings(
  fake: FakeFeishuServer,
  overrides: Partial<FeishuSettings> = {},
): FeishuSettings {
  return {
    ...FEISHU_DEFAULTS,
    appId: FAKE_APP_ID,
    appSecret: FAKE_APP_SECRET,
    domain: fake.url,
    mode: "webhook",
    encryptKey: ENCRYPT_KEY,
    verificationToken: VERIFICATION_TOKEN,
    requestTimeoutMs: 2000,
    backoffMs: 50,
    readPollMs: 0,
    ...overrides,
  };
}

export interface FeishuTestApp {
  test: TestApp;
  adapter: FeishuAdapter;
  keyPrefix: string;
  /** Posts an event to the webhook as Feishu would; returns the HTTP status and body. */
  post(payload: unknown): Promise<{ status: number; body: unknown }>;
  /** Waits until inbound work, handling and sends are all done. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export async function startFeishuTestApp(
  fake: FakeFeishuServer,
  options: Partial<Omit<AppOptions, "prisma" | "redisUrl" | "log" | "platforms">> & {
    settings?: Partial<FeishuSettings>;
    /** Given to restart an app on the same Redis keys; the caller then deletes them. */
    keyPrefix?: string;
    /** Given to restart an app on the same database; the caller then closes it. */
    database?: Database;
    /** The Redis of the Feishu platform (its inbound queue, limits, lease); the test Redis unless given. */
    redisUrl?: string;
  } = {},
): Promise<FeishuTestApp> {
  const config = options.config ?? withFeishuIds(await sampleConfig());
  const database = options.database ?? (await openTestDatabase());
  const keyPrefix = options.keyPrefix ?? uniquePrefix("feishu");
  const settings = testSettings(fake, options.settings);
  const directory = new Directory(config.org);
  const adapter = createFeishuPlatform({
    settings,
    redisUrl: options.redisUrl ?? testRedisUrl(),
    directory,
    prisma: database.prisma,
    log: silentLog,
    keyPrefix,
  });
  const {
    settings: _settings,
    keyPrefix: _keyPrefix,
    database: _database,
    redisUrl: _redisUrl,
    ...appOptions
  } = options;
  // The tests act through the console API as anyone: the demo, asked for explicitly (a platform is
  // configured); a test of sign-in passes its own `console`.
  const test = await startTestApp({
    console: { mode: "demo" },
    ...appOptions,
    config,
    database,
    platforms: [adapter],
    directory,
  });
  const post = async (payload: unknown) => {
    const request = signedRequest(ENCRYPT_KEY, payload);
    const response = await fetch(`${test.app.webhookUrl ?? test.baseUrl}${settings.webhookPath}`, {
      method: "POST",
      headers: request.headers,
      body: request.body,
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  };
  const settle = () => test.app.idle();
  return {
    test,
    adapter,
    keyPrefix,
    post,
    settle,
    async close() {
      await test.close();
      if (!options.database) await database.close();
      if (!options.keyPrefix) await deletePrefixedKeys(keyPrefix);
    },
  };
}

/**
 * For every test of the calling `describe`: a fresh fake Feishu server, and the apps the test starts
 * on it with `start`, all closed after the test (the apps first).
 */
export function useFakeFeishu(): {
  readonly fake: FakeFeishuServer;
  start(options?: Parameters<typeof startFeishuTestApp>[1]): Promise<FeishuTestApp>;
} {
  let fake: FakeFeishuServer | undefined;
  const apps: FeishuTestApp[] = [];
  beforeEach(async () => {
    fake = new FakeFeishuServer();
    await fake.start();
  });
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
    await fake?.close();
  });
  const current = () => {
    if (!fake) throw new Error("useFakeFeishu: no test is running");
    return fake;
  };
  return {
    get fake() {
      return current();
    },
    async start(options) {
      const app = await startFeishuTestApp(current(), options);
      apps.push(app);
      return app;
    },
  };
}

export { FAKE_BOT_OPEN_ID };
