/**
 * A test app for the desk: the sample office with every capability plus (unless left out) the {@link DeskProbe}, in
 * a console mode of the test's choosing, and sessions signed in as anyone (the console's code).
 */
import { join } from "node:path";
import type { ConsoleOptions } from "../../src/app/console-auth/console-security.ts";
import { Directory } from "../../src/bot/core/directory.ts";
import { loadOfficeConfig } from "../../src/config/load.ts";
import { allCapabilities } from "../../src/handlers/index.ts";
import { ROOT, sampleConfig, startTestApp, type TestApp } from "./app.ts";
import { ConsoleSession } from "./console-session.ts";
import { DeskProbe } from "./desk-probe.ts";

export interface DeskTestApp {
  test: TestApp;
  probe: DeskProbe;
  /** A session signed in as `personId` (by the code sent to their one-to-one chat). */
  signIn(personId: string): Promise<ConsoleSession>;
  close(): Promise<void>;
}

export async function startDeskApp(
  options: {
    console?: ConsoleOptions;
    host?: string;
    probe?: boolean;
    /** Also config/schedules.yaml and roster.yaml (the 零报告 rule, the rostered 带班领导). */
    schedules?: boolean;
  } = {},
): Promise<DeskTestApp> {
  const config = options.schedules
    ? await loadOfficeConfig(join(ROOT, "config/org.yaml"), join(ROOT, "config/policy.yaml"), {
        schedulesFile: join(ROOT, "config/schedules.yaml"),
        rosterFile: join(ROOT, "config/roster.yaml"),
      })
    : await sampleConfig();
  const directory = new Directory(config.org);
  const probe = new DeskProbe();
  const test = await startTestApp({
    config,
    directory,
    capabilities: [
      ...allCapabilities(config, directory),
      ...(options.probe === false ? [] : [probe.capability()]),
    ],
    console: options.console ?? { mode: "signin" },
    http: { host: options.host ?? "127.0.0.1", port: 0 },
  });
  return {
    test,
    probe,
    async signIn(personId) {
      const session = new ConsoleSession(test.baseUrl);
      const answer = await session.signInWithCode(personId, personId, test.database.prisma, () =>
        test.app.idle(),
      );
      if (answer.status !== 200) throw new Error(`sign-in ${personId}: ${answer.status} ${answer.text}`);
      return session;
    },
    close: () => test.close(),
  };
}
