/**
 * The chat platforms to start besides the console, chosen by the environment (Feishu when its app
 * credentials are set, WeChat when a puppet is chosen). Only `main.ts` calls this, with the
 * directory it also gives the app, so the org file is read into one Directory. A platform's code
 * (and its SDK: wechaty alone takes seconds to load) is imported only when it is chosen.
 */
import type { Logger } from "pino";
import type { FeishuSettings } from "../bot/adapters/feishu/feishu-settings.ts";
import type { Directory } from "../bot/core/directory.ts";
import type { PlatformAdapter } from "../bot/core/platform-adapter.ts";
import { dingtalkConfigured, type Env, feishuConfigured, wecomConfigured } from "../config/env.ts";
import type { Policy } from "../config/policy.ts";
import type { PrismaClient } from "../store/generated/client.ts";

export async function platformsFromEnv(
  env: Env,
  options: {
    redisUrl: string;
    log: Logger;
    queuePrefix: string;
    directory: Directory;
    prisma: PrismaClient;
    /** The policy file, whose `wechat:` section sets WeChat's pace and urgent repetition. */
    policy: Policy;
  },
): Promise<PlatformAdapter[]> {
  const platforms: PlatformAdapter[] = [];
  const feishu = feishuConfigured(env) ? await feishuSettings(env) : undefined;
  if (feishu) {
    const { createFeishuPlatform } = await import("./feishu-platform.ts");
    platforms.push(
      createFeishuPlatform({
        settings: feishu,
        redisUrl: options.redisUrl,
        directory: options.directory,
        prisma: options.prisma,
        log: options.log,
      }),
    );
    options.log.info({ mode: feishu.mode, domain: feishu.domain }, "飞书已启用");
  }
  if (dingtalkConfigured(env)) {
    const { dingtalkFromEnv } = await import("./dingtalk-platform.ts");
    platforms.push(await dingtalkFromEnv(env, options));
  }
  if (wecomConfigured(env)) {
    const { wecomFromEnv } = await import("./wecom-platform.ts");
    platforms.push(await wecomFromEnv(env, options));
  }
  if (env.WECHAT_PUPPET) {
    const { wechatFromEnv } = await import("./wechat-platform.ts");
    platforms.push(await wechatFromEnv(env, options));
  }
  return platforms;
}

/** Feishu's settings from the environment, loading the Feishu platform's code only when it is set. */
export async function feishuSettings(env: Env): Promise<FeishuSettings | undefined> {
  const { feishuSettingsFromEnv } = await import("./feishu-platform.ts");
  return feishuSettingsFromEnv(env);
}
