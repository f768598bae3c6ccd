import { describe, expect, it } from "vitest";
import { parseEnv, webhookAddress } from "../../../src/config/env.ts";

describe("FEISHU_WEBHOOK_PORT", () => {
  it("is unset by default: the webhook stays on the console's port", () => {
    expect(webhookAddress(parseEnv({}))).toBeUndefined();
    expect(webhookAddress(parseEnv({ FEISHU_WEBHOOK_PORT: "  " }))).toBeUndefined();
  });

  it("listens on HOST unless FEISHU_WEBHOOK_HOST says otherwise", () => {
    expect(webhookAddress(parseEnv({ HOST: "127.0.0.1", FEISHU_WEBHOOK_PORT: "3001" }))).toEqual({
      host: "127.0.0.1",
      port: 3001,
    });
    expect(webhookAddress(parseEnv({ FEISHU_WEBHOOK_PORT: "3001", FEISHU_WEBHOOK_HOST: "0.0.0.0" }))).toEqual(
      { host: "0.0.0.0", port: 3001 },
    );
  });

  it.each(["0", "65536", "abc", "30.5"])("refuses %s, naming the variable", (port) => {
    expect(() => parseEnv({ FEISHU_WEBHOOK_PORT: port })).toThrow(/FEISHU_WEBHOOK_PORT/);
  });

  it("refuses the console's own port", () => {
    expect(() => parseEnv({ PORT: "3000", FEISHU_WEBHOOK_PORT: "3000" })).toThrow(/不能与 PORT/);
  });
});
