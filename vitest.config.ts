import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Transcript files (test/transcripts/*.chat) are run by a *.test.ts file that reads them.
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    environment: "node",
    // Child processes, not worker threads: a redis-server started by a test is tied to the spawning
    // thread's life (parent-death signal), and native modules behave better per process.
    pool: "forks",
    // The machines have 2 cores; more workers only contend with Redis and PGlite for CPU.
    maxWorkers: 2,
    // Integration tests talk to Redis, start servers and wait for delayed jobs.
    testTimeout: 20_000,
    hookTimeout: 30_000,
    teardownTimeout: 20_000,
  },
});
