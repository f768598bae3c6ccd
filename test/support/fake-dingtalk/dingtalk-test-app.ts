/**
 * The real app with the DingTalk adapter, talking to a fake DingTalk: the sample office with
 * DingTalk ids added (userId = the person's id, groups `cid_<id>`), pushes sent over the fake Stream
 * gateway's WebSocket to the SDK's client.
 */
import { createDingtalkPlatform } from "../../../src/app/dingtalk-platform.ts";
import type { DingtalkAdapter } from "../../../src/bot/adapters/dingtalk/dingtalk-adapter.ts";
import {
  DINGTALK_DEFAULTS,
  type DingtalkSettings,
} from "../../../src/bot/adapters/dingtalk/dingtalk-settings.ts";
import type { OfficeConfig } from "../../../src/config/load.ts";
import { silentLog } from "../app.ts";
import {
  type PlatformTestApp,
  type PlatformTestAppOptions,
  startPlatformTestApp,
} from "../platform-test-app.ts";
import { testRedisUrl } from "../redis.ts";
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

export type DingtalkTestApp = PlatformTestApp<DingtalkAdapter>;

export async function startDingtalkTestApp(
  fake: FakeDingtalkServer,
  options: PlatformTestAppOptions & { settings?: Partial<DingtalkSettings> } = {},
): Promise<DingtalkTestApp> {
  const { settings, ...common } = options;
  const app = await startPlatformTestApp(
    "dingtalk",
    common,
    withDingtalkIds,
    ({ directory, database, keyPrefix }) =>
      createDingtalkPlatform({
        settings: testSettings(fake, settings),
        redisUrl: testRedisUrl(),
        directory,
        prisma: database.prisma,
        log: silentLog,
        keyPrefix,
      }),
  );
  await fake.connected();
  return app;
}
