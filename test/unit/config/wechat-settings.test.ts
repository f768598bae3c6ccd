/** The WeChat keys of the environment and of the policy file: defaults, durations, clear errors. */
import { describe, expect, it } from "vitest";
import { wechatSettings } from "../../../src/app/wechat-platform.ts";
import { parseEnv } from "../../../src/config/env.ts";
import type { Policy } from "../../../src/config/policy.ts";
import { wechatPolicy } from "../../../src/config/wechat-policy.ts";

const policyWith = (wechat?: unknown) => ({ timezone: "Asia/Shanghai", wechat }) as unknown as Policy;

describe("WeChat environment", () => {
  it("starts no WeChat unless a puppet is chosen", () => {
    expect(parseEnv({}).WECHAT_PUPPET).toBeUndefined();
    expect(parseEnv({ WECHAT_PUPPET: "wechat4u" })).toMatchObject({
      WECHAT_PUPPET: "wechat4u",
      WECHAT_SESSION: "kuaibao",
    });
  });

  it("needs a token for puppet-service, and refuses unknown puppets", () => {
    expect(() => parseEnv({ WECHAT_PUPPET: "service" })).toThrow(/WECHATY_PUPPET_SERVICE_TOKEN/);
    expect(
      parseEnv({ WECHAT_PUPPET: "service", WECHATY_PUPPET_SERVICE_TOKEN: "puppet_x" })
        .WECHATY_PUPPET_SERVICE_TOKEN,
    ).toBe("puppet_x");
    expect(() => parseEnv({ WECHAT_PUPPET: "padlocal" })).toThrow(/WECHAT_PUPPET/);
  });
});

describe("WeChat policy", () => {
  it("has defaults for a policy without a wechat section", () => {
    expect(wechatSettings(policyWith())).toEqual({
      pace: { roomGapMs: 3000, overallGapMs: 1000, jitterMs: 1000 },
      urgent: { repeatEveryMs: 600_000, repeatLimit: 2 },
      maxMessageChars: 1500,
      groupWords: ["收到", "已收到", "已阅"],
    });
  });

  it("reads durations the way offices write them", () => {
    const settings = wechatSettings(
      policyWith({
        pace: { room_gap: "5s", overall_gap: "2s", jitter: "0s" },
        urgent: { repeat_every: "15m", repeat_limit: 0 },
      }),
    );
    expect(settings.pace).toEqual({ roomGapMs: 5000, overallGapMs: 2000, jitterMs: 0 });
    expect(settings.urgent).toEqual({ repeatEveryMs: 900_000, repeatLimit: 0 });
  });

  it("names the wrong key in Chinese", () => {
    expect(() => wechatPolicy(policyWith({ pace: { room_gap: "三秒" } }))).toThrow(
      /wechat\.pace\.room_gap.*时长格式不对/s,
    );
    expect(() => wechatPolicy(policyWith({ urgent: { repeat_limit: 99 } }))).toThrow(
      /wechat\.urgent\.repeat_limit/,
    );
    expect(() => wechatPolicy(policyWith({ speed: 1 }))).toThrow(/微信设置有误/);
  });
});
