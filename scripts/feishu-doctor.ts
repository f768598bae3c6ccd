/**
 * `npm run feishu:doctor`: is the Feishu app set up right? Reads FEISHU_* and the org file from
 * the environment (and `.env`), prints each check in Chinese with what to click, exits 1 on a problem.
 */
import "dotenv/config";
import { pino } from "pino";
import { feishuSettingsFromEnv } from "../src/app/feishu-platform.ts";
import { FeishuApi } from "../src/bot/adapters/feishu/client/feishu-api.ts";
import { runFeishuDoctor } from "../src/bot/adapters/feishu/client/feishu-doctor.ts";
import { Directory } from "../src/bot/core/directory.ts";
import { parseEnv } from "../src/config/env.ts";
import { loadOfficeConfig } from "../src/config/load.ts";

async function main(): Promise<number> {
  const env = parseEnv(process.env);
  const settings = feishuSettingsFromEnv(env);
  if (!settings) {
    process.stdout.write(
      "未设置 FEISHU_APP_ID 和 FEISHU_APP_SECRET：请先在 .env 里填写（见 README 的飞书一节）。\n",
    );
    return 1;
  }
  const config = await loadOfficeConfig(env.ORG_FILE, env.POLICY_FILE);
  const api = new FeishuApi({ ...settings, callAttempts: 2 }, pino({ level: "silent" }));
  process.stdout.write(`飞书自检：${settings.domain}，App ID ${settings.appId}\n`);
  const report = await runFeishuDoctor({ appId: settings.appId, api, directory: new Directory(config.org) });
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
