/**
 * The real app with the WeCom adapter talking to a fake WeCom server: the sample office with WeCom
 * ids added (people's userid their org id, groups' chatid their org id without dashes), the
 * callback on a port of its own, callbacks posted to it encrypted and signed as WeCom does.
 */
import { createWecomPlatform } from "../../../src/app/wecom-platform.ts";
import type { WecomAdapter } from "../../../src/bot/adapters/wecom/wecom-adapter.ts";
import { WECOM_DEFAULTS, type WecomSettings } from "../../../src/bot/adapters/wecom/wecom-settings.ts";
import type { OfficeConfig } from "../../../src/config/load.ts";
import { silentLog } from "../app.ts";
import {
  type PlatformTestApp,
  type PlatformTestAppOptions,
  startPlatformTestApp,
  useFakePlatform,
} from "../platform-test-app.ts";
import { testRedisUrl } from "../redis.ts";
import { FAKE_AGENT_ID, FAKE_CORP_ID, FAKE_SECRET, FakeWecomServer } from "./fake-wecom-server.ts";
import { CALLBACK_AES_KEY, CALLBACK_TOKEN, signedCallback, verificationQuery } from "./wecom-payloads.ts";

export const userIdOf = (personId: string) => personId;
export const chatIdOf = (groupId: string) => groupId.replace(/-/g, "");

/** The config with WeCom ids for everyone (or only for those `keep` allows). */
export function withWecomIds(
  config: OfficeConfig,
  keep: { person?: (id: string) => boolean } = {},
): OfficeConfig {
  return {
    ...config,
    org: {
      ...config.org,
      people: config.org.people.map((p) =>
        keep.person && !keep.person(p.id) ? p : { ...p, wecom: { userid: userIdOf(p.id) } },
      ),
      groups: config.org.groups.map((g) => ({ ...g, wecom: { chatid: chatIdOf(g.id) } })),
    },
  };
}

export function testSettings(fake: FakeWecomServer, overrides: Partial<WecomSettings> = {}): WecomSettings {
  return {
    ...WECOM_DEFAULTS,
    corpId: FAKE_CORP_ID,
    agentId: FAKE_AGENT_ID,
    secret: FAKE_SECRET,
    token: CALLBACK_TOKEN,
    aesKey: CALLBACK_AES_KEY,
    baseUrl: fake.url,
    groupSendsPerMinute: 400,
    requestTimeoutMs: 2000,
    backoffMs: 50,
    ...overrides,
  };
}

export interface WecomTestApp extends PlatformTestApp<WecomAdapter> {
  /** Posts a callback as WeCom would (or forged, unsigned …); returns the HTTP status and body. */
  post(
    innerXml: string,
    signing?: Parameters<typeof signedCallback>[1],
  ): Promise<{ status: number; body: string }>;
  /** WeCom's URL verification; returns the status and what was answered. */
  verify(echo: string): Promise<{ status: number; body: string }>;
}

export async function startWecomTestApp(
  fake: FakeWecomServer,
  options: PlatformTestAppOptions & {
    settings?: Partial<WecomSettings>;
    urgent?: { repeatEveryMs: number; repeatLimit: number };
  } = {},
): Promise<WecomTestApp> {
  const { settings: overrides, urgent, ...common } = options;
  const settings = testSettings(fake, overrides);
  const app = await startPlatformTestApp(
    "wecom",
    common,
    withWecomIds,
    ({ directory, database, keyPrefix }) =>
      createWecomPlatform({
        settings,
        urgent: urgent ?? { repeatEveryMs: 3_600_000, repeatLimit: 0 },
        redisUrl: testRedisUrl(),
        directory,
        prisma: database.prisma,
        log: silentLog,
        callbackAddress: { host: "127.0.0.1", port: 0 },
        keyPrefix,
      }),
  );
  const url = () => `${app.adapter.callbackUrl}${settings.callbackPath}`;
  return {
    ...app,
    async post(innerXml, signing) {
      const request = signedCallback(innerXml, signing);
      const response = await fetch(`${url()}?${request.query}`, {
        method: "POST",
        headers: { "content-type": "text/xml" },
        body: request.body,
      });
      return { status: response.status, body: await response.text() };
    },
    async verify(echo) {
      const response = await fetch(`${url()}?${verificationQuery(echo)}`);
      return { status: response.status, body: await response.text() };
    },
  };
}

/** For every test of the calling `describe`: a fresh fake WeCom server and the apps started on it, closed after. */
export function useFakeWecom() {
  return useFakePlatform("useFakeWecom", () => new FakeWecomServer(), startWecomTestApp);
}
