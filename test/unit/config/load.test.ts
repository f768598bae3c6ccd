/** Loading the office's files from disk: the sample office loads; a bad file names itself and the path. */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { ConfigError, loadOfficeConfig, loadYamlFile } from "../../../src/config/load.ts";
import { orgSchema } from "../../../src/config/org.ts";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const SAMPLE_ORG = join(ROOT, "config/org.yaml");
const SAMPLE_POLICY = join(ROOT, "config/policy.yaml");
const FIXTURES = join(ROOT, "test/fixtures/config");

async function loadError(load: () => Promise<unknown>): Promise<ConfigError> {
  const error = await load().then(
    () => expect.fail("the file was accepted"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

describe("loadOfficeConfig", () => {
  it("loads the sample office", async () => {
    const config = await loadOfficeConfig(SAMPLE_ORG, SAMPLE_POLICY);
    expect(config.org.bot.name).toBe("快报助手");
    expect(config.org.people.find((p) => p.id === "zhangsan")?.name).toBe("张三");
    expect(config.org.groups.some((g) => g.purpose === "duty")).toBe(true);
    expect(config.policy.timezone).toBe("Asia/Shanghai");
    expect(config.policy.dialog.expire_after).toBe(30 * 60_000);
  });

  it("names the org file and people[2].unit when a unit is unknown", async () => {
    const file = join(FIXTURES, "bad-org.yaml");
    const error = await loadError(() => loadOfficeConfig(file, SAMPLE_POLICY));
    expect(error.file).toBe(file);
    expect(error.problems).toEqual([{ path: "people[2].unit", message: "没有这个单位：liulin" }]);
    expect(error.message).toContain(file);
    expect(error.message).toContain("people[2].unit：没有这个单位：liulin");
  });

  it("names the policy file and each wrong setting", async () => {
    const file = join(FIXTURES, "bad-policy.yaml");
    const error = await loadError(() => loadOfficeConfig(SAMPLE_ORG, file));
    expect(error.file).toBe(file);
    expect(error.problems.map((p) => p.path).sort()).toEqual(["dialog.remind_after", "timezone"]);
  });

  it("gives the file and line of broken YAML", async () => {
    // Written here rather than kept as a fixture: the linter would refuse a broken YAML file.
    const dir = await mkdtemp(join(tmpdir(), "kuaibao-config-"));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const file = join(dir, "org.yaml");
    await writeFile(file, "bot: { name: 快报助手 }\nunits:\n  - { id: qingshan, name: 青山镇\npeople: []\n");
    const error = await loadError(() => loadYamlFile(file, orgSchema));
    expect(error.message).toContain(file);
    expect(error.problems[0]?.path).toMatch(/^第 [34] 行$/);
    expect(error.problems[0]?.message).toContain("YAML 格式错误");
  });

  it("says so when a file cannot be read", async () => {
    const file = join(FIXTURES, "no-such-file.yaml");
    const error = await loadError(() => loadYamlFile(file, orgSchema));
    expect(error.message).toContain(file);
    expect(error.problems[0]?.message).toContain("读不到文件");
  });
});
