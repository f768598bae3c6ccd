/**
 * WeChat from the environment: `WECHAT_PUPPET` picks the puppet, the login session is kept in a
 * memory card under DATA_DIR/wechat/, reply codes live in Redis under the app's queue prefix, and
 * the policy file's `wechat:` section sets the pace and urgent repetition.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Logger } from "pino";
import { mock, PuppetMock } from "wechaty-puppet-mock";
import { WechatAdapter, type WechatSettings } from "../bot/adapters/wechat/wechat-adapter.ts";
import type { Env } from "../config/env.ts";
import type { Policy } from "../config/policy.ts";
import { wechatPolicy } from "../config/wechat-policy.ts";
import { RedisBindingRequestStore } from "../queue/redis-binding-requests.ts";
import { createRedis } from "../queue/redis-connection.ts";
import { RedisReplyCodeStore } from "../queue/redis-reply-codes.ts";

export async function wechatFromEnv(
  env: Env,
  options: { redisUrl: string; log: Logger; queuePrefix: string; policy: Policy },
): Promise<WechatAdapter> {
  const sessionDir = join(env.DATA_DIR, "wechat");
  mkdirSync(sessionDir, { recursive: true });
  const name = join(sessionDir, env.WECHAT_SESSION);
  const redis = createRedis(options.redisUrl);
  return new WechatAdapter({
    puppet:
      env.WECHAT_PUPPET === "service"
        ? {
            name,
            puppet: "wechaty-puppet-service",
            puppetOptions: { token: env.WECHATY_PUPPET_SERVICE_TOKEN },
          }
        : env.WECHAT_PUPPET === "mock"
          ? { name, puppet: tryOutPuppet() }
          : { name, puppet: "wechaty-puppet-wechat4u" },
    replyCodes: new RedisReplyCodeStore(redis, options.queuePrefix),
    bindingRequests: new RedisBindingRequestStore(redis, options.queuePrefix),
    settings: wechatSettings(options.policy),
    log: options.log,
    printQrCode: true,
    onClose: async () => {
      await redis.quit();
    },
  });
}

/** The policy file's `wechat:` section in the adapter's terms. */
export function wechatSettings(policy: Policy): WechatSettings {
  const wechat = wechatPolicy(policy);
  return {
    pace: {
      roomGapMs: wechat.pace.room_gap,
      overallGapMs: wechat.pace.overall_gap,
      jitterMs: wechat.pace.jitter,
    },
    urgent: { repeatEveryMs: wechat.urgent.repeat_every, repeatLimit: wechat.urgent.repeat_limit },
    maxMessageChars: wechat.max_message_chars,
    groupWords: wechat.group_words,
  };
}

/** A mock WeChat for trying the set-up without an account: shows a QR code, then logs in. */
function tryOutPuppet(): PuppetMock {
  const mocker = new mock.Mocker();
  mocker.use(() => {
    mocker.scan("https://login.weixin.qq.com/l/kuaibao-mock", 2);
    const timer = setTimeout(() => mocker.login(mocker.createContact({ name: "快报助手（模拟）" })), 5000);
    return () => clearTimeout(timer);
  });
  return new PuppetMock({ mocker });
}
