/**
 * `npm run console:link -- <姓名|人员 id|手机号>`: prints a one-time sign-in link to the console
 * (good once, for 10 minutes) — for the first admin, scripts and tests. Asks the running bot
 * through its local key (DATA_DIR/console-link.key, loopback only); when no bot answers, writes the
 * token into the database itself (DATABASE_URL, or the PGlite in DATA_DIR when no bot holds it).
 */
import "dotenv/config";
import { join } from "node:path";
import { readLinkKey } from "../src/app/console-auth/link-key.ts";
import { findPerson } from "../src/app/console-auth/sign-in-routes.ts";
import { createLinkToken } from "../src/app/console-auth/sign-in-tokens.ts";
import { Directory } from "../src/bot/core/directory.ts";
import { parseEnv } from "../src/config/env.ts";
import { loadOfficeConfig } from "../src/config/load.ts";
import { openDatabase } from "../src/store/database.ts";

const who = process.argv.slice(2).join(" ").trim();
if (!who) {
  console.error("用法：npm run console:link -- <姓名、人员 id 或手机号>");
  process.exit(2);
}

const env = parseEnv(process.env);

/** The running bot's answer, or undefined when no bot answers on this machine. */
async function askRunningBot(): Promise<{ url: string } | { error: string } | undefined> {
  const file = readLinkKey(env.DATA_DIR);
  if (!file) return undefined;
  let response: Response;
  try {
    response = await fetch(`${file.url}/api/console/link`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: file.url, "x-kuaibao-link-key": file.key },
      body: JSON.stringify({ person: who }),
      signal: AbortSignal.timeout(10_000),
    });
  } catch {
    return undefined;
  }
  const body = (await response.json().catch(() => ({}))) as { url?: string; error?: string };
  if (response.ok && body.url) return { url: body.url };
  return { error: body.error ?? `HTTP ${response.status}` };
}

async function writeDirectly(): Promise<string> {
  const config = await loadOfficeConfig(env.ORG_FILE, env.POLICY_FILE);
  const person = findPerson(new Directory(config.org), who);
  if (!person) throw new Error(`通讯录中没有「${who}」。`);
  const database = await openDatabase(
    env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: join(env.DATA_DIR, "pglite") },
  );
  try {
    const token = await createLinkToken(database.prisma, person.id);
    const base = env.PUBLIC_URL?.replace(/\/+$/, "") ?? `http://${env.HOST}:${env.PORT}`;
    return `${base}/sign-in/link?token=${token}`;
  } finally {
    await database.close();
  }
}

try {
  const answer = await askRunningBot();
  if (answer && "error" in answer) throw new Error(answer.error);
  const url = answer?.url ?? (await writeDirectly());
  console.log(url);
  console.error("这个登录链接只能用一次，10 分钟内有效；请只发给本人。");
} catch (error) {
  console.error(`没能生成登录链接：${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
