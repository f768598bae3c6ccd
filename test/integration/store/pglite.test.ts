import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it, onTestFinished } from "vitest";
import { type Database, openDatabase } from "../../../src/store/database.ts";
import { readMigrationFiles } from "../../../src/store/migration-files.ts";
import { openTestDatabase } from "../../support/database.ts";

const WRITER = fileURLToPath(new URL("./fixtures/pglite-writer.ts", import.meta.url));

function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "kuaibao-pglite-"));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, "pglite");
}

/**
 * Starts the writer fixture on `dataDir`; resolves once it has committed `rows` rows. After the
 * child's "close" event, `committed()` is the last row it reported.
 */
function startWriter(
  dataDir: string,
  rows: number,
): Promise<{ child: ChildProcess; committed: () => number }> {
  const child = spawn(process.execPath, ["--import", "tsx", WRITER, dataDir], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });
  let committed = 0;
  let partialLine = "";
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolvePromise, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      const lines = (partialLine + chunk.toString()).split("\n");
      partialLine = lines.pop() ?? "";
      for (const line of lines) committed = Number(/^committed (\d+)$/.exec(line)?.[1] ?? committed);
      if (committed >= rows) resolvePromise({ child, committed: () => committed });
    });
    child.on("close", (code, signal) => reject(new Error(`writer exited (${code ?? signal}): ${stderr}`)));
  });
}

async function testDatabase(): Promise<Database> {
  const database = await openTestDatabase({ kind: "pglite" });
  onTestFinished(() => database.close());
  return database;
}

function failedSend(key: string) {
  return {
    idempotencyKey: key,
    platform: "console",
    chatId: "chat-1",
    message: { text: "你好" },
    error: "timeout",
    attempts: 5,
    failedAt: new Date("2026-11-26T01:00:00Z"),
  };
}

describe("PGlite", () => {
  it("keeps its data in the data directory across close and reopen", { timeout: 60_000 }, async () => {
    const dataDir = tempDataDir();

    const first = await openDatabase({ dataDir });
    expect(first.kind).toBe("pglite");
    expect(first.appliedMigrations).toEqual(readMigrationFiles().map((file) => file.name));
    await first.prisma.failedSend.create({ data: failedSend("send-1") });
    await first.close();
    await first.close();

    const second = await openDatabase({ dataDir });
    onTestFinished(() => second.close());
    expect(second.appliedMigrations).toEqual([]);
    const rows = await second.prisma.failedSend.findMany();
    expect(rows).toEqual([expect.objectContaining({ idempotencyKey: "send-1", message: { text: "你好" } })]);
  });

  it("rolls back an interactive transaction that throws, and commits one that does not", async () => {
    const { prisma } = await testDatabase();

    await expect(
      prisma.$transaction(async (tx) => {
        await tx.failedSend.create({ data: failedSend("rolled-back") });
        expect(await tx.failedSend.count()).toBe(1);
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await prisma.failedSend.count()).toBe(0);

    await prisma.$transaction(async (tx) => {
      await tx.failedSend.create({ data: failedSend("kept") });
    });
    expect((await prisma.failedSend.findMany()).map((row) => row.idempotencyKey)).toEqual(["kept"]);
  });

  it("gives each test database its own data", async () => {
    const a = await testDatabase();
    const b = await testDatabase();
    await a.prisma.failedSend.create({ data: failedSend("only-in-a") });
    expect(await a.prisma.failedSend.count()).toBe(1);
    expect(await b.prisma.failedSend.count()).toBe(0);
    expect(b.appliedMigrations).toEqual([]);
  });

  it("refuses a data directory that is already open, in this process or another", {
    timeout: 60_000,
  }, async () => {
    const dataDir = tempDataDir();
    const { child } = await startWriter(dataDir, 10);

    await expect(openDatabase({ dataDir })).rejects.toThrow(
      new RegExp(`正被另一个进程（pid ${child.pid}）使用`),
    );

    child.kill("SIGKILL");
    await new Promise((resolveClosed) => child.once("close", resolveClosed));
    const database = await openDatabase({ dataDir });
    onTestFinished(() => database.close());
    await expect(openDatabase({ dataDir })).rejects.toThrow(/已被本进程打开/);
  });

  it("reopens after the process holding it was killed in the middle of writing", {
    timeout: 60_000,
  }, async () => {
    const dataDir = tempDataDir();
    const { child, committed } = await startWriter(dataDir, 300);
    child.kill("SIGKILL");
    await new Promise((resolveClosed) => child.once("close", resolveClosed));

    const database = await openDatabase({ dataDir });
    onTestFinished(() => database.close());
    expect(database.appliedMigrations).toEqual([]);
    // Every row the writer reported as committed is there; at most one more was in flight.
    const count = await database.prisma.failedSend.count();
    expect(count).toBeGreaterThanOrEqual(committed());
    expect(count).toBeLessThanOrEqual(committed() + 1);
  });
});
