/** The WECOM_* settings: checked as a set, the callback on a port of its own, the adapter's settings derived from them. */
import { describe, expect, it } from "vitest";
import { wecomCallbackAddress, wecomSettingsFromEnv } from "../../../src/app/wecom-platform.ts";
import { Directory } from "../../../src/bot/core/directory.ts";
import { parseEnv } from "../../../src/config/env.ts";
import { sampleConfig } from "../../support/app.ts";

const WECOM = {
  WECOM_CORP_ID: "ww1234567890abcdef",
  WECOM_AGENT_ID: "1000002",
  WECOM_SECRET: "secret",
  WECOM_TOKEN: "token",
  WECOM_AES_KEY: "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
};

describe("WECOM_* settings", () => {
  it("builds the adapter's settings, the group rate from the largest group of the org file", async () => {
    const directory = new Directory((await sampleConfig()).org);
    const largest = Math.max(...directory.groups().map((g) => g.members.length));
    const settings = wecomSettingsFromEnv(
      parseEnv({ ...WECOM, WECOM_BASE_URL: "https://zwwx.example.gov.cn/" }),
      directory,
    );
    expect(settings).toMatchObject({
      corpId: "ww1234567890abcdef",
      agentId: 1000002,
      baseUrl: "https://zwwx.example.gov.cn",
      callbackPath: "/wecom/callback",
      perPersonPerMinute: 30,
      groupSendsPerMinute: Math.floor(20_000 / largest),
    });
    expect(wecomSettingsFromEnv(parseEnv({}), directory)).toBeUndefined();
  });

  it("puts the callback on its own port only when asked", () => {
    expect(wecomCallbackAddress(parseEnv(WECOM))).toBeUndefined();
    expect(wecomCallbackAddress(parseEnv({ ...WECOM, WECOM_CALLBACK_PORT: "3002" }))).toEqual({
      host: "127.0.0.1",
      port: 3002,
    });
  });

  it("refuses a clash with another port, a malformed AES key or agent id, and half a set, in Chinese", () => {
    expect(() => parseEnv({ ...WECOM, WECOM_CALLBACK_PORT: "3000" })).toThrow(
      /WECOM_CALLBACK_PORT 不能与 PORT/,
    );
    expect(() => parseEnv({ ...WECOM, FEISHU_WEBHOOK_PORT: "3001", WECOM_CALLBACK_PORT: "3001" })).toThrow(
      /FEISHU_WEBHOOK_PORT/,
    );
    expect(() => parseEnv({ ...WECOM, WECOM_AES_KEY: "short" })).toThrow(/43 位/);
    expect(() => parseEnv({ ...WECOM, WECOM_AGENT_ID: "abc" })).toThrow(/AgentId/);
    expect(() => parseEnv({ WECOM_CORP_ID: "ww1" })).toThrow(/企业微信需要同时设置/);
  });
});
