/** `npm run dingtalk:doctor` as a person runs it, against the fake DingTalk. */
import { spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { NEEDED_PERMISSIONS } from "../../../../../src/bot/adapters/dingtalk/client/dingtalk-doctor.ts";
import { ROOT } from "../../../../support/app.ts";
import {
  FAKE_CLIENT_ID,
  FAKE_CLIENT_SECRET,
  FAKE_ROBOT_CODE,
  FakeDingtalkServer,
} from "../../../../support/fake-dingtalk/fake-dingtalk-server.ts";

function doctor(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/dingtalk-doctor.ts"], {
      cwd: ROOT,
      env: { ...process.env, ORG_FILE: "test/fixtures/dingtalk/org.yaml", ...env },
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

const envFor = (fake: FakeDingtalkServer, overrides: Record<string, string> = {}) => ({
  DINGTALK_CLIENT_ID: FAKE_CLIENT_ID,
  DINGTALK_CLIENT_SECRET: FAKE_CLIENT_SECRET,
  DINGTALK_ROBOT_CODE: FAKE_ROBOT_CODE,
  DINGTALK_BASE_URL: fake.url,
  DINGTALK_OAPI_URL: fake.url,
  DINGTALK_CARD_TEMPLATE_ID: "kuaibao-card.schema",
  ...overrides,
});

describe("dingtalk doctor", () => {
  let fake: FakeDingtalkServer | undefined;

  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  it("lists missing permissions and groups without the robot, with what to click, and exits 1", async () => {
    fake = new FakeDingtalkServer({
      robotGroups: ["cid_leaders"],
      grantedScopes: NEEDED_PERMISSIONS.map((p) => p.scope).filter(
        (s) => s !== "Card.Instance.Write" && s !== "Premium.Ding.Write",
      ),
    });
    await fake.start();
    const { code, output } = await doctor(envFor(fake));
    expect(code).toBe(1);
    expect(output).toContain("✓ 凭证有效");
    expect(output).toContain("✓ Stream 连接可建立");
    expect(output).toMatch(
      /✗ 缺少权限 Card\.Instance\.Write：发送互动卡片.*\n\s+处理：钉钉开发者后台.*权限管理 → 搜索「Card\.Instance\.Write」/,
    );
    expect(output).toContain("未开通（可选）：Premium.Ding.Write");
    expect(output).not.toContain("缺少权限 qyapi_robot_sendmsg");
    expect(output).not.toContain("qyapi_get_member_by_mobile");
    expect(output).toContain("✓ 机器人在「县领导群」里");
    expect(output).toMatch(/✗ 机器人不在「总值班室」（cid_duty）里\n\s+处理：.*添加机器人/);
    expect(output).toContain("「青山镇工作群」没有配置钉钉群");
    // The probes changed nothing: no message, no card, no DING.
    expect(fake.messages).toHaveLength(0);
    expect(fake.dings).toHaveLength(0);
  }, 60_000);

  it("passes when everything is in place", async () => {
    fake = new FakeDingtalkServer();
    await fake.start();
    const { code, output } = await doctor(envFor(fake));
    expect(output).toContain("✓ 权限齐全");
    expect(output).toContain("✓ 机器人在「总值班室」里");
    expect(output).toContain("全部通过");
    expect(code).toBe(0);
  }, 60_000);

  it("names the old API's missing permission, and groups left unchecked without qyapi_chat_manage", async () => {
    fake = new FakeDingtalkServer({
      grantedScopes: ["qyapi_robot_sendmsg", "Card.Instance.Write", "Premium.Ding.Write"],
    });
    await fake.start();
    const { code, output } = await doctor(envFor(fake));
    expect(code).toBe(1);
    expect(output).toContain("✗ 缺少权限 qyapi_get_member_by_mobile：按手机号找到人员");
    expect(output).toContain("未开通（可选）：qyapi_chat_manage");
    expect(output).toContain("「县领导群」未检查（需要 qyapi_chat_manage 权限）");
  }, 60_000);

  it("says when the credentials are wrong, and where to find them", async () => {
    fake = new FakeDingtalkServer();
    await fake.start();
    const { code, output } = await doctor(envFor(fake, { DINGTALK_CLIENT_SECRET: "wrong-secret" }));
    expect(code).toBe(1);
    expect(output).toContain("无法用 Client ID / Client Secret 获取访问凭证");
    expect(output).toContain("凭证与基础信息");
  }, 60_000);
});
