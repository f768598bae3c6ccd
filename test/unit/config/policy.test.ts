import { describe, expect, it } from "vitest";
import { ConfigError, parseYaml } from "../../../src/config/load.ts";
import { policySchema } from "../../../src/config/policy.ts";

const FILE = "config/policy.yaml";

function problems(source: string): { path: string; message: string }[] {
  try {
    parseYaml(FILE, source, policySchema);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain(FILE);
    return (error as ConfigError).problems;
  }
  return expect.fail("the policy file was accepted");
}

describe("policy file", () => {
  it("reads durations to milliseconds and defaults the dialog timings", () => {
    expect(parseYaml(FILE, "timezone: Asia/Shanghai\n", policySchema)).toMatchObject({
      timezone: "Asia/Shanghai",
      dialog: { remind_after: 600_000, expire_after: 1_800_000 },
    });
    const policy = parseYaml(FILE, "timezone: UTC\ndialog:\n  remind_after: 90s\n", policySchema);
    expect(policy.dialog).toEqual({ remind_after: 90_000, expire_after: 1_800_000 });
  });

  it("keeps keys later capabilities add", () => {
    const policy = parseYaml(FILE, "timezone: UTC\nreminders: { daily: '17:00' }\n", policySchema);
    expect((policy as Record<string, unknown>).reminders).toEqual({ daily: "17:00" });
  });

  it("names dialog.remind_after and says how a duration is written", () => {
    const found = problems("timezone: Asia/Shanghai\ndialog:\n  remind_after: 十分钟\n");
    expect(found).toEqual([
      {
        path: "dialog.remind_after",
        message: "时长格式不对：「十分钟」，应写成 90s、35m、2h、1d 或 1h30m",
      },
    ]);
  });

  it("refuses an unknown time zone", () => {
    const found = problems("timezone: Asia/Beijing\n");
    expect(found).toEqual([{ path: "timezone", message: "不是有效的时区名，例如 Asia/Shanghai" }]);
  });

  it("refuses an unknown key under dialog", () => {
    const found = problems("timezone: UTC\ndialog: { remind_after: 5m, remind_afer: 6m }\n");
    expect(found.map((p) => p.path)).toEqual(["dialog"]);
    expect(found[0]?.message).toContain("remind_afer");
  });

  it("requires a time zone", () => {
    const found = problems("dialog: { remind_after: 5m }\n");
    expect(found.map((p) => p.path)).toEqual(["timezone"]);
    expect(found[0]?.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
