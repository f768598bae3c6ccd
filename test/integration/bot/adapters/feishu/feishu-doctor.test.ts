/** `npm run feishu:doctor` as a person runs it, against the fake Feishu server. */
import { spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { NEEDED_SCOPES } from "../../../../../src/bot/adapters/feishu/client/feishu-doctor.ts";
import { ROOT } from "../../../../support/app.ts";
import {
  FAKE_APP_ID,
  FAKE_APP_SECRET,
  FakeFeishuServer,
} from "../../../../support/fake-feishu/fake-feishu-server.ts";

function doctor(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn("npx", ["tsx", "scripts/feishu-doctor.ts"], {
      cwd: ROOT,
      env: { ...process.env, ORG_FILE: "test/fixtures/feishu/org.yaml", ...env },
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

describe("feishu doctor", () => {
  let fake: FakeFeishuServer | undefined;

  afterEach(async () => {
    await fake?.close();
  });

  it("lists missing scopes and groups without the bot, with what to click, and exits 1", async () => {
    fake = new FakeFeishuServer({
      botChats: ["oc_leaders"],
      grantedScopes: NEEDED_SCOPES.map((s) => s.scope).filter(
        (s) => s !== "im:message.urgent" && !s.includes(":sms"),
      ),
    });
    await fake.start();
    const { code, output } = await doctor({
      FEISHU_APP_ID: FAKE_APP_ID,
      FEISHU_APP_SECRET: FAKE_APP_SECRET,
      FEISHU_DOMAIN: fake.url,
    });
    expect(code).toBe(1);
    expect(output).toContain("✓ 凭证有效");
    expect(output).toMatch(/✗ 缺少权限 im:message\.urgent：应用内加急\n\s+处理：开发者后台 → 权限管理/);
    expect(output).toContain("未开通（可选）：im:message.urgent:sms");
    expect(output).not.toContain("缺少权限 im:message:send_as_bot");
    expect(output).toContain("✓ 机器人在「县领导群」里");
    expect(output).toMatch(/✗ 机器人不在「总值班室」（oc_duty）里\n\s+处理：.*添加机器人/);
    expect(output).toContain("「青山镇工作群」没有配置飞书群");
  }, 60_000);

  it("says when the credentials are wrong", async () => {
    fake = new FakeFeishuServer();
    await fake.start();
    const { code, output } = await doctor({
      FEISHU_APP_ID: FAKE_APP_ID,
      FEISHU_APP_SECRET: "wrong-secret",
      FEISHU_DOMAIN: fake.url,
    });
    expect(code).toBe(1);
    expect(output).toContain("无法用 App ID / App Secret 获取访问凭证");
    expect(output).toContain("凭证与基础信息");
  }, 60_000);
});
