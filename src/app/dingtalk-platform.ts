/**
 * The DingTalk (钉钉 / 政务钉钉) branch of the platforms: settings from the environment and the
 * adapter with its Redis parts. Limits and the inbound queue are keyed by the client id, not the
 * queue prefix: every bot process using this DingTalk app shares them, and a push queued by one
 * process is handled by any of them (or by the next one to start).
 */
import type { Logger } from "pino";
import { DingtalkAdapter } from "../bot/adapters/dingtalk/dingtalk-adapter.ts";
import {
  DINGTALK_DEFAULTS,
  type DingtalkSettings,
  trimBase,
} from "../bot/adapters/dingtalk/dingtalk-settings.ts";
import type { Directory } from "../bot/core/directory.ts";
import type { PlatformAdapter } from "../bot/core/platform-adapter.ts";
import type { Env } from "../config/env.ts";
import { BullmqInboundQueue } from "../queue/bullmq-inbound-queue.ts";
import { createRedis } from "../queue/redis-connection.ts";
import { RedisRateLimiter } from "../queue/redis-rate-limiter.ts";
import type { PrismaClient } from "../store/generated/client.ts";

export function dingtalkSettingsFromEnv(env: Env): DingtalkSettings | undefined {
  if (!env.DINGTALK_CLIENT_ID || !env.DINGTALK_CLIENT_SECRET || !env.DINGTALK_ROBOT_CODE) return undefined;
  return {
    ...DINGTALK_DEFAULTS,
    clientId: env.DINGTALK_CLIENT_ID,
    clientSecret: env.DINGTALK_CLIENT_SECRET,
    robotCode: env.DINGTALK_ROBOT_CODE,
    baseUrl: trimBase(env.DINGTALK_BASE_URL ?? DINGTALK_DEFAULTS.baseUrl),
    oapiUrl: trimBase(env.DINGTALK_OAPI_URL ?? DINGTALK_DEFAULTS.oapiUrl),
    ...(env.DINGTALK_CARD_TEMPLATE_ID ? { cardTemplateId: env.DINGTALK_CARD_TEMPLATE_ID } : {}),
    appPerSecond: env.DINGTALK_APP_RATE_PER_SECOND,
    chatPerMinute: env.DINGTALK_CHAT_RATE_PER_MINUTE,
    readPollMs: env.DINGTALK_READ_POLL_SECONDS * 1000,
  };
}

export async function dingtalkFromEnv(
  env: Env,
  options: { redisUrl: string; log: Logger; directory: Directory; prisma: PrismaClient },
): Promise<PlatformAdapter> {
  const settings = dingtalkSettingsFromEnv(env);
  if (!settings)
    throw new Error("钉钉需要 DINGTALK_CLIENT_ID、DINGTALK_CLIENT_SECRET 和 DINGTALK_ROBOT_CODE");
  options.log.info({ base: settings.baseUrl, cards: Boolean(settings.cardTemplateId) }, "钉钉已启用");
  return createDingtalkPlatform({ ...options, settings });
}

export function createDingtalkPlatform(options: {
  settings: DingtalkSettings;
  redisUrl: string;
  directory: Directory;
  prisma: PrismaClient;
  log: Logger;
  /** Redis key prefix of the limits and the inbound queue; tests give each their own. */
  keyPrefix?: string;
}): DingtalkAdapter {
  const redis = createRedis(options.redisUrl);
  const prefix = options.keyPrefix ?? `dingtalk-${options.settings.clientId}`;
  return new DingtalkAdapter({
    settings: options.settings,
    directory: options.directory,
    prisma: options.prisma,
    limiter: new RedisRateLimiter(redis, prefix),
    inboundQueue: new BullmqInboundQueue({
      connection: redis,
      prefix,
      platform: "dingtalk",
      log: options.log.child({ platform: "dingtalk" }),
    }),
    log: options.log,
    onClose: async () => {
      await redis.quit();
    },
  });
}
