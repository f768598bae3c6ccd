/**
 * Real failures at one exact write of a test's PostgreSQL schema, through triggers on the table:
 * {@link holdWrites} keeps the matching statement waiting inside the database until the test lets
 * it go (a trigger takes an advisory lock the test holds), so the test can break something else at
 * exactly that point; {@link refuseWrites} makes the matching statement fail.
 */
import { randomInt } from "node:crypto";
import pg from "pg";
import type { PrismaClient } from "../../src/store/generated/client.ts";
import { testPostgresUrl } from "./database.ts";
import { waitFor } from "./wait-for.ts";

/** A write being held: wait until one arrives, then let it (and every later one) through. */
export interface HeldWrites {
  /** Resolves once a matching statement waits in the trigger. */
  arrived(): Promise<void>;
  /** Lets the waiting statement (and the next ones) go on, and removes the trigger. */
  release(): Promise<void>;
}

/** Holds the next `UPDATE` of `table` whose rows match `when` (SQL over `OLD`/`NEW`). */
export async function holdWrites(prisma: PrismaClient, table: string, when: string): Promise<HeldWrites> {
  const key = randomInt(1, 2 ** 31 - 1);
  const holder = new pg.Client({ connectionString: testPostgresUrl() });
  await holder.connect();
  await holder.query("SELECT pg_advisory_lock($1)", [key]);
  const name = `hold_${key}`;
  await installTrigger(prisma, name, table, when, `PERFORM pg_advisory_xact_lock(${key});`);
  let released = false;
  return {
    async arrived() {
      await waitFor(
        `an UPDATE of ${table} held`,
        async () => {
          const { rows } = await holder.query(
            "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND NOT granted",
            [key],
          );
          return (rows[0] as { n: number }).n > 0;
        },
        { timeoutMs: 15_000, intervalMs: 20 },
      );
    },
    async release() {
      if (released) return;
      released = true;
      // Unlocked first: dropping the trigger waits for the held statement's transaction to end.
      await holder.query("SELECT pg_advisory_unlock($1)", [key]);
      await holder.end();
      await removeTrigger(prisma, name, table);
    },
  };
}

/** Makes every `UPDATE` of `table` whose rows match `when` fail; returns what removes it. */
export async function refuseWrites(
  prisma: PrismaClient,
  table: string,
  when: string,
): Promise<() => Promise<void>> {
  const name = `refuse_${randomInt(1, 2 ** 31 - 1)}`;
  await installTrigger(prisma, name, table, when, "RAISE EXCEPTION 'write refused by the test';");
  return () => removeTrigger(prisma, name, table);
}

async function installTrigger(
  prisma: PrismaClient,
  name: string,
  table: string,
  when: string,
  body: string,
): Promise<void> {
  await prisma.$executeRawUnsafe(
    `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${body} RETURN NEW; END $$`,
  );
  await prisma.$executeRawUnsafe(
    `CREATE TRIGGER ${name} BEFORE UPDATE ON ${table} FOR EACH ROW WHEN (${when}) EXECUTE FUNCTION ${name}()`,
  );
}

async function removeTrigger(prisma: PrismaClient, name: string, table: string): Promise<void> {
  await prisma.$executeRawUnsafe(`DROP TRIGGER IF EXISTS ${name} ON ${table}`);
  await prisma.$executeRawUnsafe(`DROP FUNCTION IF EXISTS ${name}()`);
}
