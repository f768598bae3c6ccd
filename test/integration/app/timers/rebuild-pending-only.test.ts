/**
 * A rebuild schedules only what the database says is still pending: on an empty Redis (a fresh
 * prefix: everything lost), an app over incidents and 批示 in many states puts back the next check
 * of each and nothing that already ran or whose state moved on (acknowledged, reminded, flagged,
 * confirmed, closed).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OfficeConfig } from "../../../../src/config/load.ts";
import type { Database } from "../../../../src/store/database.ts";
import { sampleConfig } from "../../../support/app.ts";
import { openTestDatabase } from "../../../support/database.ts";
import { deletePrefixedKeys, testRedisUrl, uniquePrefix } from "../../../support/redis.ts";
import { waitFor } from "../../../support/wait-for.ts";
import {
  type App,
  escalated,
  fileIncident,
  fileInstruction,
  JobStates,
  OffsetClock,
  recordEntry,
  timerApp,
} from "./timer-world.ts";

const MIN = 60_000;
const prefix = uniquePrefix("rebuild-pending-only");
let database: Database;
let config: OfficeConfig;
let app: App | undefined;
let states: JobStates | undefined;

beforeAll(async () => {
  database = await openTestDatabase();
  config = await sampleConfig();
}, 120_000);

afterAll(async () => {
  await app?.close().catch(() => undefined);
  await states?.close();
  await database?.close();
  await deletePrefixedKeys(prefix);
});

describe("a timer rebuild", () => {
  it("puts back what is pending and nothing whose state moved on", async () => {
    const { prisma } = database;
    const t0 = Date.now();
    const at = (ms: number) => new Date(t0 + ms);
    const hourAgo = at(-60 * MIN);
    // Waiting for 已阅 at level 0.
    const waiting = await fileIncident(prisma, hourAgo, { alertedAt: at(-1 * MIN) });
    // Acknowledged after one escalation; nothing since: only the re-notification is pending.
    const acknowledged = await fileIncident(prisma, hourAgo, {
      acknowledgedAt: at(-1 * MIN),
      acknowledgedBy: "li-shuji",
    });
    await escalated(prisma, acknowledged, 1, at(-2 * MIN));
    // Acknowledged, then a 批示 everyone confirmed: no re-notification, no chase, no relay.
    const instructed = await fileIncident(prisma, hourAgo, {
      acknowledgedAt: at(-2 * MIN),
      acknowledgedBy: "li-shuji",
    });
    await fileInstruction(prisma, instructed.id, at(-1 * MIN), { completedAt: at(-30_000) }, true);
    // Elements missing: the reporter was reminded; the director's reminder and the deadline wait.
    const incomplete = await fileIncident(prisma, at(-5 * MIN), {
      completedAt: null,
      location: null,
      writtenDueAt: at(60 * MIN),
      acknowledgedAt: at(-1 * MIN),
      acknowledgedBy: "li-shuji",
    });
    await recordEntry(prisma, incomplete.id, "reminded", at(-1 * MIN), { stage: "reporter" });
    // Its 批示: chased once, never relayed (a crash before the relay job ran).
    const unrelayed = await fileInstruction(prisma, incomplete.id, at(-40 * MIN), {
      relayedAt: null,
      chaseCount: 1,
    });
    // Deadline already flagged.
    const overdue = await fileIncident(prisma, at(-120 * MIN), {
      completedAt: null,
      location: null,
      writtenDueAt: at(-10 * MIN),
      writtenOverdueAt: at(-10 * MIN),
    });
    // 特别重大 (续报 every 2 h): the first deadline was flagged as missed, the second waits.
    const last = at(-180 * MIN);
    const followUp = await fileIncident(prisma, last, {
      gradeId: "I",
      acknowledgedAt: hourAgo,
      acknowledgedBy: "li-shuji",
    });
    await recordEntry(prisma, followUp.id, "flagged_missed", at(-60 * MIN), {
      dueAt: new Date(last.getTime() + 120 * MIN).toISOString(),
      followUpCount: 0,
    });
    // Closed: nothing.
    const closed = await fileIncident(prisma, hourAgo, { status: "closed", alertedAt: at(-1 * MIN) });

    app = await timerApp({
      config,
      prisma,
      redisUrl: testRedisUrl(),
      queuePrefix: prefix,
      clock: new OffsetClock(),
    });
    states = new JobStates(testRedisUrl(), prefix);
    const s = states;
    const key = (incident: { id: number }, rest: string) => `incident-${incident.id}-${rest}`;
    const expected: Record<string, string> = {
      [key(waiting, "ack-1")]: "delayed",
      [key(acknowledged, "ack-2")]: "unknown",
      [key(acknowledged, "renotify")]: "delayed",
      [key(instructed, "renotify")]: "unknown",
      [key(incomplete, "written-reporter")]: "unknown",
      [key(incomplete, "written-director")]: "delayed",
      [key(incomplete, "written-due")]: "delayed",
      [`instruction-${unrelayed.id}-chase-1`]: "unknown",
      [`instruction-${unrelayed.id}-chase-2`]: "delayed",
      [key(overdue, "written-due")]: "unknown",
      [key(overdue, "written-director")]: "unknown",
      [key(followUp, `followup-0-${last.getTime() + 120 * MIN}`)]: "unknown",
      [key(followUp, `followup-0-${last.getTime() + 240 * MIN}`)]: "delayed",
      [key(closed, "ack-1")]: "unknown",
    };
    const actual: Record<string, string> = {};
    for (const k of Object.keys(expected)) actual[k] = await s.of(k);
    expect(actual).toEqual(expected);
    for (const instruction of await prisma.instruction.findMany({ where: { incidentId: instructed.id } }))
      expect(await s.of(`instruction-${instruction.id}-relay`)).toBe("unknown");
    // The relay that never ran runs now, once.
    await waitFor(
      "the relay to run",
      async () =>
        (await prisma.instruction.findUniqueOrThrow({ where: { id: unrelayed.id } })).relayedAt !== null,
    );
    expect(await s.of(`instruction-${unrelayed.id}-relay`)).toBe("completed");
  }, 60_000);
});
