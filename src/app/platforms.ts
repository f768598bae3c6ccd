/**
 * The chat platforms to start besides the console, chosen by the environment (Feishu when its app
 * credentials are set, WeChat when a puppet is chosen). Only `main.ts` calls this.
 */
import type { Logger } from "pino";
import type { PlatformAdapter } from "../bot/core/platform-adapter.ts";
import type { Env } from "../config/env.ts";
import { wechatFromEnv } from "./wechat-platform.ts";

export async function platformsFromEnv(
  env: Env,
  options: { redisUrl: string; log: Logger; queuePrefix: string },
): Promise<PlatformAdapter[]> {
  const platforms: PlatformAdapter[] = [];
  if (env.WECHAT_PUPPET) platforms.push(await wechatFromEnv(env, options));
  return platforms;
}
