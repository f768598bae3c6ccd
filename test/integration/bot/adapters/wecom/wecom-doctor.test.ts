/** `npm run wecom:doctor` against the fake WeCom server: as a person runs it, and its checks one by one. */
import { spawn } from "node:child_process";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WecomApi } from "../../../../../src/bot/adapters/wecom/client/wecom-api.ts";
import { groupChatId, runWecomDoctor } from "../../../../../src/bot/adapters/wecom/client/wecom-doctor.ts";
import { Directory } from "../../../../../src/bot/core/directory.ts";
import { ROOT, sampleConfig, silentLog } from "../../../../support/app.ts";
import {
  FAKE_AGENT_ID,
  FAKE_CORP_ID,
  FakeWecomServer,
} from "../../../../support/fake-wecom/fake-wecom-server.ts";
import { CALLBACK_AES_KEY, CALLBACK_TOKEN } from "../../../../support/fake-wecom/wecom-payloads.ts";
import { chatIdOf, testSettings, withWecomIds } from "../../../../support/fake-wecom/wecom-test-app.ts";

function doctor(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn("npx", ["tsx", "scripts/wecom-doctor.ts"], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    let output = "";
    child.stdout.on("data", (c: Buffer) => {
      output += c.toString();
    });
    child.stderr.on("data", (c: Buffer) => {
      output += c.toString();
    });
    child.on("exit", (code) => resolve({ code, output }));
  });
}

describe("wecom doctor", () => {
  let fake: FakeWecomServer;

  beforeEach(async () => {
    fake = new FakeWecomServer();
    await fake.start();
  });

  afterEach(async () => {
    await fake.close();
  });

  it("says in Chinese where to find the right Secret, and exits 1", async () => {
    const { code, output } = await doctor({
      WECOM_CORP_ID: FAKE_CORP_ID,
      WECOM_AGENT_ID: String(FAKE_AGENT_ID),
      WECOM_SECRET: "wrong-secret",
      WECOM_TOKEN: CALLBACK_TOKEN,
      WECOM_AES_KEY: CALLBACK_AES_KEY,
      WECOM_BASE_URL: fake.url,
    });
    expect(code).toBe(1);
    expect(output).toContain("企业微信自检");
    expect(output).toContain("Secret 不对：管理后台 → 应用管理");
  }, 60_000);

  it("passes when everyone has an account and every group its app group", async () => {
    const config = withWecomIds(await sampleConfig());
    for (const group of config.org.groups)
      fake.groups.set(chatIdOf(group.id), { name: group.name, members: group.members });
    const api = new WecomApi(testSettings(fake), silentLog);
    const report = await runWecomDoctor({ api, directory: new Directory(config.org) });
    expect(report.lines.filter((l) => l.startsWith("✗"))).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it("finds people by phone, names the groups without an app group, and creates them when asked", async () => {
    const config = await sampleConfig();
    fake.options.phones = Object.fromEntries(
      config.org.people.flatMap((p) => (p.phone ? [[p.phone, p.id]] : [])),
    );
    const api = new WecomApi(testSettings(fake), silentLog);
    const directory = new Directory(config.org);
    const first = await runWecomDoctor({ api, directory });
    expect(first.ok).toBe(false);
    expect(first.lines.join("\n")).toContain("「县领导群」还没有企业微信群");
    expect(first.lines.join("\n")).toContain("--create-groups");
    const second = await runWecomDoctor({ api, directory, createGroups: true });
    expect(second.lines.join("\n")).toContain(`已为「县领导群」建群，chatid ${groupChatId("leaders")}`);
    expect(fake.groups.get(groupChatId("leaders"))?.members).toEqual(
      config.org.groups.find((g) => g.id === "leaders")?.members,
    );
  });
});
