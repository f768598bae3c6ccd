import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { type Database, openDatabase } from "../../../src/store/database.ts";
import { readMigrationFiles } from "../../../src/store/migration-files.ts";
import { openTestDatabase } from "../../support/database.ts";

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
    const dir = mkdtempSync(join(tmpdir(), "kuaibao-pglite-"));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const dataDir = join(dir, "pglite");

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
});
