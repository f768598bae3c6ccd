/**
 * `npm run console:link` against the real bot running on PGlite (which only the bot can open): the
 * script asks the bot through its local key, prints a link that signs the person in once.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { ROOT } from "../../../../support/app.ts";
import { type BotServer, startBotServer } from "../../../../support/bot-server.ts";
import { ConsoleSession } from "../../../../support/console-session.ts";
import { deletePrefixedKeys, testRedisUrl, uniquePrefix } from "../../../../support/redis.ts";

const run = promisify(execFile);
let server: BotServer | undefined;
let dataDir: string | undefined;
let prefix: string | undefined;

afterEach(async () => {
  await server?.bot.kill();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  if (prefix) await deletePrefixedKeys(prefix);
  server = undefined;
});

describe("npm run console:link", () => {
  it("mints a one-time link through the running bot on PGlite", { timeout: 180_000 }, async () => {
    dataDir = await mkdtemp(join(tmpdir(), "kuaibao-console-link-"));
    prefix = uniquePrefix("console-link");
    server = await startBotServer({ dataDir, prefix, env: { CONSOLE: "signin" } });
    const keyFile = await stat(join(dataDir, "console-link.key"));
    expect(keyFile.mode & 0o777).toBe(0o600);
    expect(server.bot.output()).not.toMatch(/console-link\.key.*[A-Za-z0-9_-]{43}/);

    const { DATABASE_URL: _db, QUEUE_PREFIX: _prefix, ...inherited } = process.env;
    const { stdout } = await run("npx", ["tsx", "scripts/console-link.ts", "赵秘书长"], {
      cwd: ROOT,
      env: { ...inherited, DATABASE_URL: "", DATA_DIR: dataDir, REDIS_URL: testRedisUrl() },
    });
    const link = new URL(stdout.trim());
    expect(link.pathname).toBe("/sign-in/link");

    const admin = new ConsoleSession(server.url);
    expect((await admin.get(link.pathname + link.search)).status).toBe(303);
    expect((await admin.get("/api/console/me")).json.me).toMatchObject({
      id: "zhao-mishuzhang",
      admin: true,
    });
    const twice = new ConsoleSession(server.url);
    expect((await twice.get(link.pathname + link.search)).status).toBe(401);
    expect((await twice.get("/api/console/me")).status).toBe(401);
  });
});
