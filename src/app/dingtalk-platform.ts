/**
 * The DingTalk (钉钉 / 政务钉钉) branch of the platforms: settings from the environment and the
 * adapter with its Redis parts (shared limits, the durable inbound queue). To be built (issue 17).
 */
import type { Logger } from "pino";
import type { Directory } from "../bot/core/directory.ts";
import type { PlatformAdapter } from "../bot/core/platform-adapter.ts";
import type { Env } from "../config/env.ts";
import type { PrismaClient } from "../store/generated/client.ts";

export async function dingtalkFromEnv(
  _env: Env,
  _options: { redisUrl: string; log: Logger; directory: Directory; prisma: PrismaClient },
): Promise<PlatformAdapter> {
  throw new Error("钉钉适配器尚未完成");
}
