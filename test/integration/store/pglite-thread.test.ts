/**
 * PGlite on its worker thread answers as in-process PGlite would: the same values for the types
 * the bot stores, transactions that commit or roll back, and PostgreSQL errors with their SQLSTATE
 * that Prisma's adapter turns into its own errors (a unique violation is still P2002).
 */
import { messages, type PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBlankPglite } from "../../../src/store/blank-pglite.ts";
import { openFreshDatabase } from "../../../src/store/fresh-database.ts";
import { PgliteThread } from "../../../src/store/pglite-thread/pglite-thread.ts";

let thread: PgliteThread;
let inProcess: PGlite;
let blank: Blob;

beforeAll(async () => {
  // Both start from the same blank cluster (initdb once: it takes seconds).
  inProcess = await createBlankPglite();
  blank = await inProcess.dumpDataDir("none");
  thread = await PgliteThread.start({ loadDataDir: blank });
  for (const db of [thread, inProcess])
    await db.exec("CREATE TABLE item (id int PRIMARY KEY, name text NOT NULL, at timestamp(3), data jsonb)");
}, 120_000);

afterAll(async () => {
  await Promise.all([thread.close(), inProcess.close()]);
});

const SAMPLE = `SELECT 42::int AS i, 9007199254740993::bigint AS big, 1.5::float8 AS f, 12.30::numeric AS n,
  true AS b, 'é中文'::text AS t, '2026-11-26 08:00:00.123'::timestamp AS ts, '2026-11-26'::date AS d,
  '{"a": [1, "x"]}'::jsonb AS j, ARRAY[1, 2]::int[] AS arr, NULL::text AS nothing, '\\x0102'::bytea AS bytes`;

describe("PgliteThread", () => {
  it("returns the same values as in-process PGlite, by object and by array, parsers included", async () => {
    expect((await thread.query(SAMPLE)).rows).toEqual((await inProcess.query(SAMPLE)).rows);
    const parsers = { 1700: (text: string) => `numeric:${text}` };
    const options = { rowMode: "array" as const, parsers };
    expect((await thread.query(SAMPLE, [], options)).rows).toEqual(
      (await inProcess.query(SAMPLE, [], options)).rows,
    );
  });

  it("passes parameters of every kind the adapter sends", async () => {
    const params = ["张三", new Date("2026-11-26T01:02:03.456Z"), { k: "v" }, 7];
    const sql = "SELECT $1::text AS a, $2::timestamptz AS b, $3::jsonb AS c, $4::int AS d";
    expect((await thread.query(sql, params)).rows).toEqual((await inProcess.query(sql, params)).rows);
  });

  it("commits a transaction that returns and rolls back one that throws or rolls back", async () => {
    await thread.transaction(async (tx) => {
      await tx.query("INSERT INTO item (id, name) VALUES (1, '一')");
    });
    await expect(
      thread.transaction(async (tx) => {
        await tx.query("INSERT INTO item (id, name) VALUES (2, '二')");
        throw new Error("中途出错");
      }),
    ).rejects.toThrow("中途出错");
    await thread.transaction(async (tx) => {
      await tx.query("INSERT INTO item (id, name) VALUES (3, '三')");
      await tx.rollback();
    });
    expect((await thread.query("SELECT id FROM item ORDER BY id")).rows).toEqual([{ id: 1 }]);
  });

  it("keeps other queries out of an open transaction until it ends", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tx = thread.transaction(async (t) => {
      await t.query("INSERT INTO item (id, name) VALUES (10, '十')");
      await held;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const outside = thread.query<{ n: number }>("SELECT count(*)::int AS n FROM item WHERE id = 10");
    release();
    await tx;
    expect((await outside).rows).toEqual([{ n: 1 }]);
  });

  it("raises PostgreSQL errors as PGlite's DatabaseError with their code and constraint", async () => {
    const error = await thread.query("INSERT INTO item (id, name) VALUES (1, 'again')").catch((e) => e);
    expect(error).toBeInstanceOf(messages.DatabaseError);
    expect(error).toMatchObject({ code: "23505", constraint: "item_pkey" });
  });

  it("lets Prisma report a unique violation as P2002 through the adapter", async () => {
    const database = await openFreshDatabase();
    try {
      await database.prisma.personProfile.create({
        data: { personId: "zhangsan", nightUrgent: false, confirmedAt: new Date() },
      });
      const error = await database.prisma.personProfile
        .create({ data: { personId: "zhangsan", nightUrgent: true, confirmedAt: new Date() } })
        .catch((e) => e);
      expect(error).toMatchObject({ code: "P2002" });
    } finally {
      await database.close();
    }
  });

  it("fails a call with a clear error once the thread is gone", async () => {
    const doomed = await PgliteThread.start({ loadDataDir: blank });
    await doomed.close();
    await expect(doomed.query("SELECT 1")).rejects.toThrow(/PGlite 线程已退出/);
  });
});
