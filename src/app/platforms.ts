/**
 * The chat platforms to start besides the console, chosen by the environment (Feishu when its app
 * credentials are set, WeChat when a puppet is chosen). Only `main.ts` calls this.
 */
import type { Logger } from "pino";
import type { PlatformAdapter } from "../bot/core/platform-adapter.ts";
import type { Env } from "../config/env.ts";

export async function platformsFromEnv(
  _env: Env,
  _options: { redisUrl: string; log: Logger },
): Promise<PlatformAdapter[]> {
  const platforms: PlatformAdapter[] = [];
  return platforms;
}
