/**
 * The WeCom (企业微信 / 政务微信) branch of the platforms: settings from the environment and the
 * adapter with its Redis parts — limits shared by every process of this app (keyed by corp and
 * agent), the durable inbound queue — and, when WECOM_CALLBACK_PORT is set, the callback's own
 * HTTP server that serves nothing else. Urgent repetition follows the policy's `wechat.urgent`.
 */
import type { Logger } from "pino";
import type { UrgentSettings } from "../bot/adapters/common/urgent-repeater.ts";
import { type CallbackServer, WecomAdapter } from "../bot/adapters/wecom/wecom-adapter.ts";
import {
  groupSendsPerMinute,
  WECOM_DEFAULTS,
  type WecomSettings,
} from "../bot/adapters/wecom/wecom-settings.ts";
import type { Directory } from "../bot/core/directory.ts";
import type { Env } from "../config/env.ts";
import type { Policy } from "../config/policy.ts";
import { wechatPolicy } from "../config/wechat-policy.ts";
import { BullmqInboundQueue } from "../queue/bullmq-inbound-queue.ts";
import { createRedis } from "../queue/redis-connection.ts";
import { RedisRateLimiter } from "../queue/redis-rate-limiter.ts";
import type { PrismaClient } from "../store/generated/client.ts";
import { fastifyHttpRoutes } from "./http-routes.ts";
import { type Address, createHttpServer } from "./http-server.ts";

/** The adapter's settings from the environment; the group rate from the largest group in the org file. */
export function wecomSettingsFromEnv(env: Env, directory: Directory): WecomSettings | undefined {
  const { WECOM_CORP_ID, WECOM_AGENT_ID, WECOM_SECRET, WECOM_TOKEN, WECOM_AES_KEY } = env;
  if (!WECOM_CORP_ID || !WECOM_AGENT_ID || !WECOM_SECRET || !WECOM_TOKEN || !WECOM_AES_KEY) return undefined;
  const largestGroup = Math.max(1, ...directory.groups().map((chat) => chat.members.length));
  return {
    ...WECOM_DEFAULTS,
    corpId: WECOM_CORP_ID,
    agentId: Number(WECOM_AGENT_ID),
    secret: WECOM_SECRET,
    token: WECOM_TOKEN,
    aesKey: WECOM_AES_KEY,
    baseUrl: (env.WECOM_BASE_URL ?? WECOM_DEFAULTS.baseUrl).replace(/\/+$/, ""),
    callbackPath: env.WECOM_CALLBACK_PATH,
    perPersonPerMinute: env.WECOM_RATE_PER_PERSON_PER_MINUTE,
    groupSendsPerMinute: groupSendsPerMinute(env.WECOM_GROUP_RECIPIENTS_PER_MINUTE, largestGroup),
    apiPerMinute: env.WECOM_API_RATE_PER_MINUTE,
  };
}

/** The callback's own address, when WECOM_CALLBACK_PORT is set. */
export function wecomCallbackAddress(env: Env): Address | undefined {
  if (env.WECOM_CALLBACK_PORT === undefined) return undefined;
  return { host: env.WECOM_CALLBACK_HOST ?? env.HOST, port: env.WECOM_CALLBACK_PORT };
}

/** The policy file's urgent repetition (its `wechat:` section), which WeCom shares. */
export function wecomUrgent(policy: Policy): UrgentSettings {
  const { urgent } = wechatPolicy(policy);
  return { repeatEveryMs: urgent.repeat_every, repeatLimit: urgent.repeat_limit };
}

export async function wecomFromEnv(
  env: Env,
  options: { redisUrl: string; log: Logger; directory: Directory; prisma: PrismaClient; policy: Policy },
): Promise<WecomAdapter> {
  const settings = wecomSettingsFromEnv(env, options.directory);
  if (!settings)
    throw new Error("企业微信需要 WECOM_CORP_ID、WECOM_AGENT_ID、WECOM_SECRET、WECOM_TOKEN 和 WECOM_AES_KEY");
  const adapter = createWecomPlatform({
    settings,
    urgent: wecomUrgent(options.policy),
    redisUrl: options.redisUrl,
    directory: options.directory,
    prisma: options.prisma,
    log: options.log,
    callbackAddress: wecomCallbackAddress(env),
  });
  options.log.info({ baseUrl: settings.baseUrl, callback: settings.callbackPath }, "企业微信已启用");
  return adapter;
}

/**
 * The adapter with its Redis parts. Limits and the inbound queue are keyed by corp and agent, not
 * by the queue prefix: every bot process of this app shares them, and an event queued by one
 * process is handled by any of them (or by the next one to start).
 */
export function createWecomPlatform(options: {
  settings: WecomSettings;
  urgent: UrgentSettings;
  redisUrl: string;
  directory: Directory;
  prisma: PrismaClient;
  log: Logger;
  /** The callback's own server's address; unset: the app's webhook routes. */
  callbackAddress?: Address;
  /** Redis key prefix of the limits and the inbound queue; tests give each their own. */
  keyPrefix?: string;
  now?: () => Date;
}): WecomAdapter {
  const redis = createRedis(options.redisUrl);
  const prefix = options.keyPrefix ?? `wecom-${options.settings.corpId}-${options.settings.agentId}`;
  const server = options.callbackAddress ? createHttpServer(options.log, "webhook") : undefined;
  const address = options.callbackAddress;
  const callbackServer: CallbackServer | undefined =
    server && address
      ? {
          routes: fastifyHttpRoutes(server),
          listen: () => server.listen({ host: address.host, port: address.port }),
        }
      : undefined;
  return new WecomAdapter({
    settings: options.settings,
    urgent: options.urgent,
    directory: options.directory,
    prisma: options.prisma,
    limiter: new RedisRateLimiter(redis, prefix),
    inboundQueue: new BullmqInboundQueue({
      connection: redis,
      prefix,
      platform: "wecom",
      log: options.log.child({ platform: "wecom" }),
    }),
    log: options.log,
    ...(callbackServer ? { callbackServer } : {}),
    ...(options.now ? { now: options.now } : {}),
    onClose: async () => {
      await server?.close();
      await redis.quit();
    },
  });
}
