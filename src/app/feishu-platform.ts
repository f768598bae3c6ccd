/**
 * The Feishu branch of the platforms: settings from the environment, Redis for the shared limits,
 * the holder lease and the durable inbound queue.
 */
import type { Logger } from "pino";
import { FeishuAdapter } from "../bot/adapters/feishu/feishu-adapter.ts";
import {
  FEISHU_DEFAULTS,
  type FeishuSettings,
  feishuDomain,
} from "../bot/adapters/feishu/feishu-settings.ts";
import type { Directory } from "../bot/core/directory.ts";
import type { Env } from "../config/env.ts";
import { BullmqInboundQueue } from "../queue/bullmq-inbound-queue.ts";
import { createRedis } from "../queue/redis-connection.ts";
import { RedisLease } from "../queue/redis-lease.ts";
import { RedisRateLimiter } from "../queue/redis-rate-limiter.ts";
import type { PrismaClient } from "../store/generated/client.ts";

export function feishuSettingsFromEnv(env: Env): FeishuSettings | undefined {
  if (!env.FEISHU_APP_ID || !env.FEISHU_APP_SECRET) return undefined;
  return {
    ...FEISHU_DEFAULTS,
    appId: env.FEISHU_APP_ID,
    appSecret: env.FEISHU_APP_SECRET,
    domain: feishuDomain(env.FEISHU_DOMAIN),
    mode: env.FEISHU_MODE,
    encryptKey: env.FEISHU_ENCRYPT_KEY,
    verificationToken: env.FEISHU_VERIFICATION_TOKEN,
    webhookPath: env.FEISHU_WEBHOOK_PATH,
    perChatPerSecond: env.FEISHU_RATE_PER_SECOND,
    appPerSecond: env.FEISHU_APP_RATE_PER_SECOND,
    readPollMs: env.FEISHU_READ_POLL_SECONDS * 1000,
    holderLeaseMs: env.FEISHU_HOLDER_LEASE_SECONDS * 1000,
  };
}

/**
 * The adapter with its Redis parts. Limits, the lease and the inbound queue are keyed by the app
 * id, not the queue prefix: every bot process using this Feishu app shares them, and an event
 * queued by one process is handled by any of them (or by the next one to start).
 */
export function createFeishuPlatform(options: {
  settings: FeishuSettings;
  redisUrl: string;
  directory: Directory;
  prisma: PrismaClient;
  log: Logger;
  holderId?: string;
  /** Redis key prefix of the limits, the lease and the inbound queue; tests give each their own. */
  keyPrefix?: string;
}): FeishuAdapter {
  const redis = createRedis(options.redisUrl);
  const prefix = options.keyPrefix ?? `feishu-${options.settings.appId}`;
  return new FeishuAdapter({
    settings: options.settings,
    directory: options.directory,
    prisma: options.prisma,
    limiter: new RedisRateLimiter(redis, prefix),
    lease: new RedisLease(redis, prefix),
    inboundQueue: new BullmqInboundQueue({
      connection: redis,
      prefix,
      platform: "feishu",
      log: options.log.child({ platform: "feishu" }),
    }),
    log: options.log,
    holderId: options.holderId,
    onClose: async () => {
      await redis.quit();
    },
  });
}
