/**
 * `npm run dingtalk:doctor`: is the DingTalk app set up right? Reads DINGTALK_* and the org file
 * from the environment (and `.env`), prints each check in Chinese with what to click, exits 1 on a
 * problem.
 */
import "dotenv/config";
import { dingtalkSettingsFromEnv } from "../src/app/dingtalk-platform.ts";
import { runDingtalkDoctor } from "../src/bot/adapters/dingtalk/client/dingtalk-doctor.ts";
import { DingtalkProbe } from "../src/bot/adapters/dingtalk/client/dingtalk-probe.ts";
import { Directory } from "../src/bot/core/directory.ts";
import { parseEnv } from "../src/config/env.ts";
import { loadOfficeConfig } from "../src/config/load.ts";

async function main(): Promise<number> {
  const env = parseEnv(process.env);
  const settings = dingtalkSettingsFromEnv(env);
  if (!settings) {
    process.stdout.write(
      "未设置 DINGTALK_CLIENT_ID、DINGTALK_CLIENT_SECRET 和 DINGTALK_ROBOT_CODE：请先在 .env 里填写（见 README 的钉钉一节）。\n",
    );
    return 1;
  }
  const config = await loadOfficeConfig(env.ORG_FILE, env.POLICY_FILE);
  const probe = new DingtalkProbe(settings);
  process.stdout.write(`钉钉自检：${settings.baseUrl}，Client ID ${settings.clientId}\n`);
  try {
    const report = await runDingtalkDoctor({
      robotCode: settings.robotCode,
      ...(settings.cardTemplateId ? { cardTemplateId: settings.cardTemplateId } : {}),
      probe,
      directory: new Directory(config.org),
    });
    process.stdout.write(
      `${report.lines.join("\n")}\n${report.ok ? "\n全部通过。\n" : "\n有问题需要处理，见上。\n"}`,
    );
    return report.ok ? 0 : 1;
  } finally {
    probe.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`自检失败：${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
