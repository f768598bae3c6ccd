/**
 * `npm run wecom:doctor`: is the WeCom (企业微信 / 政务微信) app set up right? Reads WECOM_* and the org
 * file from the environment (and `.env`), prints each check in Chinese with what to click, exits 1
 * on a problem. `-- --create-groups` creates the app groups the org file's groups are missing.
 */
import "dotenv/config";
import { pino } from "pino";
import { wecomSettingsFromEnv } from "../src/app/wecom-platform.ts";
import { WecomApi } from "../src/bot/adapters/wecom/client/wecom-api.ts";
import { runWecomDoctor } from "../src/bot/adapters/wecom/client/wecom-doctor.ts";
import { Directory } from "../src/bot/core/directory.ts";
import { parseEnv } from "../src/config/env.ts";
import { loadOfficeConfig } from "../src/config/load.ts";

async function main(): Promise<number> {
  const env = parseEnv(process.env);
  const config = await loadOfficeConfig(env.ORG_FILE, env.POLICY_FILE);
  const directory = new Directory(config.org);
  const settings = wecomSettingsFromEnv(env, directory);
  if (!settings) {
    process.stdout.write(
      "未设置 WECOM_CORP_ID、WECOM_AGENT_ID、WECOM_SECRET、WECOM_TOKEN、WECOM_AES_KEY：请先在 .env 里填写（见 README 的企业微信一节）。\n",
    );
    return 1;
  }
  const api = new WecomApi({ ...settings, callAttempts: 2 }, pino({ level: "silent" }));
  process.stdout.write(
    `企业微信自检：${settings.baseUrl}，企业ID ${settings.corpId}，AgentId ${settings.agentId}\n`,
  );
  const report = await runWecomDoctor({
    api,
    directory,
    createGroups: process.argv.includes("--create-groups"),
  });
  process.stdout.write(
    `${report.lines.join("\n")}\n${report.ok ? "\n全部通过。\n" : "\n有问题需要处理，见上。\n"}`,
  );
  return report.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`自检失败：${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
