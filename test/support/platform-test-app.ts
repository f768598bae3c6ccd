/**
 * The real app with one platform adapter against its fake server, as the Feishu, DingTalk and WeCom
 * test apps start it: the sample office with the platform's ids (unless a config is given), a test
 * database and Redis keys of its own (unless given, to restart on the same ones; the caller then
 * closes or deletes them), the console in demo mode so tests act as anyone (a test of sign-in
 * passes its own `console`). Each platform adds how its events reach the app.
 */
import { afterEach, beforeEach } from "vitest";
import type { AppOptions } from "../../src/app/create-app.ts";
import { Directory } from "../../src/bot/core/directory.ts";
import type { PlatformAdapter } from "../../src/bot/core/platform-adapter.ts";
import type { OfficeConfig } from "../../src/config/load.ts";
import type { Database } from "../../src/store/database.ts";
import { sampleConfig, startTestApp, type TestApp } from "./app.ts";
import { openTestDatabase } from "./database.ts";
import { deletePrefixedKeys, uniquePrefix } from "./redis.ts";

/** What every platform's test app takes besides its own settings. */
export type PlatformTestAppOptions = Partial<
  Omit<AppOptions, "prisma" | "redisUrl" | "log" | "platforms">
> & {
  /** Given to restart an app on the same Redis keys; the caller then deletes them. */
  keyPrefix?: string;
  /** Given to restart an app on the same database; the caller then closes it. */
  database?: Database;
};

export interface PlatformTestApp<A> {
  test: TestApp;
  adapter: A;
  keyPrefix: string;
  /** Waits until inbound work, handling and sends are all done. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export async function startPlatformTestApp<A extends PlatformAdapter>(
  platform: string,
  options: PlatformTestAppOptions,
  withIds: (config: OfficeConfig) => OfficeConfig,
  createAdapter: (place: { directory: Directory; database: Database; keyPrefix: string }) => A,
): Promise<PlatformTestApp<A>> {
  const config = options.config ?? withIds(await sampleConfig());
  const database = options.database ?? (await openTestDatabase());
  const keyPrefix = options.keyPrefix ?? uniquePrefix(platform);
  const directory = new Directory(config.org);
  const adapter = createAdapter({ directory, database, keyPrefix });
  const { keyPrefix: _k, database: _d, ...appOptions } = options;
  const test = await startTestApp({
    console: { mode: "demo" },
    ...appOptions,
    config,
    database,
    platforms: [adapter],
    directory,
  });
  return {
    test,
    adapter,
    keyPrefix,
    settle: () => test.app.idle(),
    async close() {
      await test.close();
      if (!options.database) await database.close();
      if (!options.keyPrefix) await deletePrefixedKeys(keyPrefix);
    },
  };
}

/**
 * For every test of the calling `describe`: a fresh fake server, and the apps the test starts on it
 * with `start`, all closed after the test (the apps first).
 */
export function useFakePlatform<
  Fake extends { start(): Promise<unknown>; close(): Promise<unknown> },
  App extends { close(): Promise<void> },
  Options,
>(
  name: string,
  makeFake: () => Fake,
  startApp: (fake: Fake, options?: Options) => Promise<App>,
): { readonly fake: Fake; start(options?: Options): Promise<App> } {
  let fake: Fake | undefined;
  const apps: App[] = [];
  beforeEach(async () => {
    fake = makeFake();
    await fake.start();
  });
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
    await fake?.close();
  });
  const current = () => {
    if (!fake) throw new Error(`${name}: no test is running`);
    return fake;
  };
  return {
    get fake() {
      return current();
    },
    async start(options) {
      const app = await startApp(current(), options);
      apps.push(app);
      return app;
    },
  };
}
