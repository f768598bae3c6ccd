/**
 * The real app with the Feishu adapter, in webhook mode, talking to a fake Feishu server: the
 * sample office with Feishu ids added (people `ou_<id>`, groups `oc_<id>`), events posted to the
 * app's webhook encrypted and signed as Feishu does.
 */

import { createFeishuPlatform } from "../../../src/app/feishu-platform.ts";
import type { FeishuAdapter } from "../../../src/bot/adapters/feishu/feishu-adapter.ts";
import { FEISHU_DEFAULTS, type FeishuSettings } from "../../../src/bot/adapters/feishu/feishu-settings.ts";
import type { OfficeConfig } from "../../../src/config/load.ts";
import { silentLog } from "../app.ts";
import {
  type PlatformTestApp,
  type PlatformTestAppOptions,
  startPlatformTestApp,
  useFakePlatform,
} from "../platform-test-app.ts";
import { testRedisUrl } from "../redis.ts";
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

export interface FeishuTestApp extends PlatformTestApp<FeishuAdapter> {
  /** Posts an event to the webhook as Feishu would; returns the HTTP status and body. */
  post(payload: unknown): Promise<{ status: number; body: unknown }>;
}

export async function startFeishuTestApp(
  fake: FakeFeishuServer,
  options: PlatformTestAppOptions & {
    settings?: Partial<FeishuSettings>;
    /** The Redis of the Feishu platform (its inbound queue, limits, lease); the test Redis unless given. */
    redisUrl?: string;
  } = {},
): Promise<FeishuTestApp> {
  const { settings: overrides, redisUrl, ...common } = options;
  const settings = testSettings(fake, overrides);
  const app = await startPlatformTestApp(
    "feishu",
    common,
    withFeishuIds,
    ({ directory, database, keyPrefix }) =>
      createFeishuPlatform({
        settings,
        redisUrl: redisUrl ?? testRedisUrl(),
        directory,
        prisma: database.prisma,
        log: silentLog,
        keyPrefix,
      }),
  );
  const post = async (payload: unknown) => {
    const request = signedRequest(ENCRYPT_KEY, payload);
    const response = await fetch(`${app.test.app.webhookUrl ?? app.test.baseUrl}${settings.webhookPath}`, {
      method: "POST",
      headers: request.headers,
      body: request.body,
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  };
  return { ...app, post };
}

/**
 * For every test of the calling `describe`: a fresh fake Feishu server, and the apps the test starts
 * on it with `start`, all closed after the test (the apps first).
 */
export function useFakeFeishu() {
  return useFakePlatform("useFakeFeishu", () => new FakeFeishuServer(), startFeishuTestApp);
}

export { FAKE_BOT_OPEN_ID };
