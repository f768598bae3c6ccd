/** Which console the bot serves, and which Host values it answers to: pure rules. */
import { describe, expect, it } from "vitest";
import {
  ConsoleModeError,
  decideConsoleMode,
  isLoopbackHost,
} from "../../../../src/app/console-auth/console-mode.ts";
import { allowedHosts } from "../../../../src/app/console-auth/host-guard.ts";
import { parseEnv } from "../../../../src/config/env.ts";

describe("console mode", () => {
  it.each([
    ["127.0.0.1", true],
    ["127.1.2.3", true],
    ["localhost", true],
    ["::1", true],
    ["[::1]", true],
    ["0.0.0.0", false],
    ["::", false],
    ["192.168.1.10", false],
  ])("treats %s as loopback: %s", (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });

  it("defaults to the demo only on loopback with no platform, else to sign-in", () => {
    expect(decideConsoleMode({ requested: undefined, host: "127.0.0.1", platformConfigured: false })).toBe(
      "demo",
    );
    expect(decideConsoleMode({ requested: undefined, host: "127.0.0.1", platformConfigured: true })).toBe(
      "signin",
    );
    expect(decideConsoleMode({ requested: undefined, host: "0.0.0.0", platformConfigured: false })).toBe(
      "signin",
    );
    expect(decideConsoleMode({ requested: "demo", host: "localhost", platformConfigured: true })).toBe(
      "demo",
    );
    expect(decideConsoleMode({ requested: "off", host: "0.0.0.0", platformConfigured: true })).toBe("off");
  });

  it("refuses the demo on a non-loopback address, in Chinese", () => {
    expect(() =>
      decideConsoleMode({ requested: "demo", host: "0.0.0.0", platformConfigured: false }),
    ).toThrow(ConsoleModeError);
    expect(() =>
      decideConsoleMode({ requested: "demo", host: "10.0.0.5", platformConfigured: false }),
    ).toThrow(/CONSOLE=demo 只能在本机地址上使用/);
  });

  it("reads CONSOLE, PUBLIC_URL and SESSION_SECRET from the environment", () => {
    expect(parseEnv({}).CONSOLE).toBeUndefined();
    expect(parseEnv({ CONSOLE: "off", PUBLIC_URL: "https://kb.example.cn" })).toMatchObject({
      CONSOLE: "off",
      PUBLIC_URL: "https://kb.example.cn",
    });
    expect(() => parseEnv({ CONSOLE: "open" })).toThrow(/CONSOLE/);
    expect(() => parseEnv({ PUBLIC_URL: "kb.example.cn" })).toThrow(/PUBLIC_URL/);
    expect(() => parseEnv({ SESSION_SECRET: "short" })).toThrow(/至少 32 个字符/);
  });
});

describe("allowed hosts", () => {
  it("are the address, loopback names with the port, and PUBLIC_URL's host", () => {
    const hosts = allowedHosts({ host: "0.0.0.0", port: 3000, publicUrl: "https://kb.example.cn/" });
    for (const host of ["127.0.0.1:3000", "localhost:3000", "[::1]:3000", "kb.example.cn"])
      expect(hosts.has(host)).toBe(true);
    for (const host of ["evil.example:3000", "127.0.0.1:3001", "kb.example.cn:3000"])
      expect(hosts.has(host)).toBe(false);
  });
});
