import { describe, expect, it } from "vitest";
import { parseEnv } from "../../../src/config/env.ts";

describe("parseEnv", () => {
  it("fills in defaults for an empty environment", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      DATA_DIR: "./data",
      HOST: "127.0.0.1",
      PORT: 3000,
      ORG_FILE: "config/org.yaml",
      POLICY_FILE: "config/policy.yaml",
      LOG_LEVEL: "info",
    });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.REDIS_URL).toBeUndefined();
    expect(env.QUEUE_PREFIX).toBeUndefined();
  });

  it("reads numbers and trims URLs; a blank URL counts as unset", () => {
    const env = parseEnv({
      PORT: "8080",
      REDIS_URL: "  redis://127.0.0.1:6390  ",
      DATABASE_URL: "   ",
      LOG_LEVEL: "debug",
      QUEUE_PREFIX: "office_2-a",
    });
    expect(env.PORT).toBe(8080);
    expect(env.REDIS_URL).toBe("redis://127.0.0.1:6390");
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.LOG_LEVEL).toBe("debug");
    expect(env.QUEUE_PREFIX).toBe("office_2-a");
  });

  it("accepts PORT=0 (any free port)", () => {
    expect(parseEnv({ PORT: "0" }).PORT).toBe(0);
  });

  it.each([
    ["PORT", { PORT: "http" }],
    ["PORT", { PORT: "70000" }],
    ["PORT", { PORT: "-1" }],
    ["LOG_LEVEL", { LOG_LEVEL: "loud" }],
    ["QUEUE_PREFIX", { QUEUE_PREFIX: "a:b" }],
  ])("names %s when it is wrong", (name, source) => {
    expect(() => parseEnv(source)).toThrow(/环境变量有误/);
    expect(() => parseEnv(source)).toThrow(new RegExp(`- ${name}：`));
  });

  it("lists every wrong variable at once", () => {
    let message = "";
    try {
      parseEnv({ PORT: "x", LOG_LEVEL: "loud" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("PORT");
    expect(message).toContain("LOG_LEVEL");
  });
});
