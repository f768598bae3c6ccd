/**
 * Composition root: load config → database → Redis → app (queues, adapters, console) → serve;
 * graceful shutdown on SIGINT/SIGTERM.
 */
import "dotenv/config";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { decideConsoleMode } from "./app/console-auth/console-mode.ts";
import { localUrl, newLinkKey, removeLinkKey, writeLinkKey } from "./app/console-auth/link-key.ts";
import { createApp } from "./app/create-app.ts";
import { fileStoreFromEnv } from "./app/file-store.ts";
import { createLogger } from "./app/logger.ts";
import { feishuSettings, platformsFromEnv } from "./app/platforms.ts";
import { ensureRedis } from "./app/redis-server/redis-launcher.ts";
import { retry } from "./app/retry.ts";
import { whileWaiting } from "./app/while-waiting.ts";
import { Directory } from "./bot/core/directory.ts";
import {
  dingtalkConfigured,
  feishuConfigured,
  parseEnv,
  webhookAddress,
  wecomConfigured,
} from "./config/env.ts";
import { ConfigError, loadOfficeConfig, optionalConfigFile } from "./config/load.ts";
import { defaultQueuePrefix } from "./config/queue-prefix.ts";
import { isPgliteDataDir, openDatabase } from "./store/database.ts";

async function main(): Promise<void> {
  const env = parseEnv(process.env);
  const log = createLogger(env, process.stdout.isTTY === true);
  const say = (message: string) => log.info(message);
  // Before anything opens: a demo console on a public address must not start at all.
  const feishu = feishuConfigured(env) ? await feishuSettings(env) : undefined;
  const consoleMode = decideConsoleMode({
    requested: env.CONSOLE,
    host: env.HOST,
    platformConfigured:
      Boolean(feishu) || Boolean(env.WECHAT_PUPPET) || dingtalkConfigured(env) || wecomConfigured(env),
  });
  const linkKey = consoleMode === "signin" ? newLinkKey() : undefined;

  const config = await loadOfficeConfig(env.ORG_FILE, env.POLICY_FILE, {
    schedulesFile: optionalConfigFile(env.SCHEDULES_FILE, "config/schedules.yaml"),
    rosterFile: optionalConfigFile(env.ROSTER_FILE, "config/roster.yaml"),
  });
  say(
    `已读取配置：${config.org.units.length} 个单位，${config.org.people.length} 人，${config.org.groups.length} 个群`,
  );

  // Redis first: it fails fast, while opening PGlite can take seconds.
  const redis = await ensureRedis({ redisUrl: env.REDIS_URL, dataDir: env.DATA_DIR, log: say });

  const pgliteDir = join(env.DATA_DIR, "pglite");
  const opening = env.DATABASE_URL
    ? "正在连接 PostgreSQL 数据库"
    : isPgliteDataDir(pgliteDir)
      ? `正在打开内置数据库（${pgliteDir}）`
      : `首次启动，正在创建内置数据库（${pgliteDir}，约需十几秒）`;
  say(`${opening}……`);
  const database = await whileWaiting(
    retry(
      () =>
        openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATABASE_URL ? undefined : pgliteDir }),
      {
        attempts: 5,
        delayMs: 1000,
        onRetry: (error, attempt) => log.warn({ err: error, attempt }, "数据库暂时打不开，稍后重试"),
      },
    ),
    5000,
    (seconds) => say(`${opening}，已用 ${seconds} 秒……`),
  ).catch(async (error: unknown) => {
    await redis.stop();
    throw error;
  });
  say(`数据库：${database.kind === "pglite" ? `内置 PGlite（${pgliteDir}）` : "PostgreSQL"}`);
  if (database.appliedMigrations.length > 0)
    say(`已执行数据库迁移：${database.appliedMigrations.join(", ")}`);

  const queuePrefix = env.QUEUE_PREFIX ?? defaultQueuePrefix({ databaseUrl: env.DATABASE_URL, pgliteDir });
  const directory = new Directory(config.org);
  const app = await createApp({
    config,
    directory,
    prisma: database.prisma,
    redisUrl: redis.url,
    log,
    queuePrefix,
    sharedDatabase: database.kind === "postgres",
    files: fileStoreFromEnv(env),
    http: { host: env.HOST, port: env.PORT },
    webhookHttp: webhookAddress(env),
    console: {
      mode: consoleMode,
      publicUrl: env.PUBLIC_URL,
      sessionSecret: env.SESSION_SECRET,
      feishuOAuth: feishu && { appId: feishu.appId, appSecret: feishu.appSecret, domain: feishu.domain },
      linkKey,
    },
    platforms: await platformsFromEnv(env, {
      redisUrl: redis.url,
      log,
      queuePrefix,
      directory,
      prisma: database.prisma,
      policy: config.policy,
    }),
  }).catch(async (error) => {
    await database.close();
    await redis.stop();
    throw error;
  });
  const port = app.http?.addresses().find((a) => typeof a === "object")?.port ?? env.PORT;
  if (linkKey) {
    mkdirSync(env.DATA_DIR, { recursive: true });
    writeLinkKey(env.DATA_DIR, { key: linkKey, url: localUrl(env.HOST, port), pid: process.pid });
  }
  say(
    consoleMode === "off"
      ? "快报助手已启动（网页控制台已关闭：CONSOLE=off）。"
      : `快报助手已启动。打开网页控制台：${env.PUBLIC_URL ?? app.url}${consoleMode === "signin" ? "（需要登录；首个管理员可用 npm run console:link -- 姓名 获取登录链接）" : "（演示模式）"}`,
  );
  if (app.webhookHttp) say(`webhook 单独监听：${app.webhookUrl}（只提供 webhook，不提供控制台）`);

  // npm and tsx pass a signal on to the bot as well as the terminal sending it to the whole
  // process group, so one Ctrl-C can arrive twice: only a signal a second or more after the
  // first means "stop now".
  let stoppingSince: number | undefined;
  const shutdown = async (signal: string) => {
    if (stoppingSince !== undefined && Date.now() - stoppingSince < 1000) return;
    if (stoppingSince !== undefined) {
      log.warn("再次收到停止信号，立即退出");
      process.exit(1);
    }
    stoppingSince = Date.now();
    say(`收到 ${signal}，正在停止：不再接收新消息，等待进行中的工作完成……`);
    try {
      if (linkKey) removeLinkKey(env.DATA_DIR);
      await app.close();
      await database.close();
      await redis.stop();
      say("已安全停止。");
      process.exit(0);
    } catch (error) {
      log.error({ err: error }, "停止时出错");
      process.exit(1);
    }
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`\n${error.message}\n\n请修改后重新启动。\n`);
  } else {
    process.stderr.write(`\n启动失败：${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
