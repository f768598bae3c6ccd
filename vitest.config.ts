import { defineConfig } from "vitest/config";

/** The tests that drive Debian's chromium; their project installs it (and a CJK font) when missing. */
const BROWSER_TESTS = [
  "test/**/console-page.test.ts",
  "test/**/console-reconnect-banner.test.ts",
  "test/**/console-sign-in-page.test.ts",
  "test/**/console-phone-layout.test.ts",
  "test/**/console-card-update-page.test.ts",
  "test/**/console-photo-page.test.ts",
  "test/**/desk-*-page.test.ts",
];

export default defineConfig({
  test: {
    environment: "node",
    // Child processes, not worker threads: a redis-server started by a test is tied to the spawning
    // thread's life (parent-death signal), and native modules behave better per process.
    pool: "forks",
    // The machines have 2 cores, but many tests wait (child bots starting, Redis, delayed jobs): a
    // full run took 455 s with 2 workers and 384 s with 3, all green.
    maxWorkers: 3,
    // One process per worker runs file after file, keeping what it imported (the app, Prisma,
    // BullMQ, wechaty: seconds per file to load again) and its migrated PGlite dump. Tests share no
    // module state beyond caches; each closes what it starts.
    isolate: false,
    // Integration tests talk to Redis, start servers and wait for delayed jobs. Generous limits:
    // a correct test on a busy machine (two busy loops beside the run) must not go red.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 60_000,
    projects: [
      // `npm run test:unit`: pure code, no Redis, no database, no browser.
      { extends: true, test: { name: "unit", include: ["test/unit/**/*.test.ts"] } },
      {
        extends: true,
        test: {
          name: "integration",
          // Transcript files (test/transcripts/*.chat) are run by a *.test.ts file that reads them.
          include: ["test/**/*.test.ts"],
          exclude: ["test/unit/**", ...BROWSER_TESTS],
          globalSetup: ["test/support/global-setup.ts"],
          setupFiles: ["test/support/per-file.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: BROWSER_TESTS,
          globalSetup: ["test/support/browser-setup.ts", "test/support/global-setup.ts"],
          setupFiles: ["test/support/per-file.ts"],
        },
      },
    ],
  },
});
