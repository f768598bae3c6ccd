/**
 * What the timer-rebuild tests share: a Redis server of their own (so FLUSHALL touches nobody
 * else's keys), a policy with short durations, a clock that can be moved ahead (time passing while
 * no app runs), apps built on the same database, and incidents and instructions put on file in a
 * given state, as the jobs and commands would have left them.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { type Logger, pino } from "pino";
import { parseDocument } from "yaml";
import { type App, type AppOptions, createApp } from "../../../../src/app/create-app.ts";
import { locateRedisServer } from "../../../../src/app/redis-server/redis-binary.ts";
import { findFreePort } from "../../../../src/app/redis-server/redis-port.ts";
import {
  type RedisServerProcess,
  startRedisServer,
} from "../../../../src/app/redis-server/redis-server-process.ts";
import type { Clock } from "../../../../src/bot/core/ports.ts";
import { loadOfficeConfig, type OfficeConfig } from "../../../../src/config/load.ts";
import { JOBS_QUEUE, safeJobId } from "../../../../src/queue/queue-names.ts";
import { createRedis } from "../../../../src/queue/redis-connection.ts";
import type { Incident, Prisma, PrismaClient } from "../../../../src/store/generated/client.ts";
import { ROOT, silentLog } from "../../../support/app.ts";

/** Real time plus an offset the test moves forward (never back). */
export class OffsetClock implements Clock {
  offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}

/** A redis-server of the test's own, nothing on disk. */
export async function ownRedis(dir: string): Promise<RedisServerProcess> {
  const binary = await locateRedisServer({ log: () => undefined });
  return startRedisServer({ binary: binary.path, port: await findFreePort(), dir, persistence: "none" });
}

export async function flushAll(url: string): Promise<void> {
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    await client.flushall();
  } finally {
    client.quit();
  }
}

/** Policy edits as YAML paths → values, e.g. `[["dialog", "remind_after"], "1m"]`. */
export type PolicyEdit = [path: (string | number)[], value: unknown];

/** The sample org and policy with every grade's `ack_within` set, plus other edits; schedules optional. */
export async function timerConfig(
  dir: string,
  ackWithin: string,
  edits: PolicyEdit[] = [],
  schedulesYaml?: string,
): Promise<OfficeConfig> {
  const doc = parseDocument(await readFile(join(ROOT, "config/policy.yaml"), "utf8"));
  const grades = doc.get("grades") as { items: unknown[] };
  for (let i = 0; i < grades.items.length; i++) doc.setIn(["grades", i, "ack_within"], ackWithin);
  for (const [path, value] of edits) doc.setIn(path, value);
  const policyFile = join(dir, "policy.yaml");
  await writeFile(policyFile, doc.toString());
  let schedulesFile: string | undefined;
  if (schedulesYaml) {
    schedulesFile = join(dir, "schedules.yaml");
    await writeFile(schedulesFile, schedulesYaml);
  }
  return loadOfficeConfig(join(ROOT, "config/org.yaml"), policyFile, { schedulesFile });
}

export async function tempDir(name: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `kuaibao-${name}-`));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** An app on the given Redis and database, no HTTP server. */
export function timerApp(
  options: Pick<AppOptions, "config" | "prisma" | "redisUrl" | "queuePrefix" | "clock"> & Partial<AppOptions>,
): Promise<App> {
  return createApp({ log: silentLog, sharedDatabase: false, ...options });
}

let numbers = 0;

/** An incident on file: alerted, complete, from 青山镇, in the given state. */
export function fileIncident(
  prisma: PrismaClient,
  at: Date,
  fields: Partial<Prisma.IncidentUncheckedCreateInput> = {},
): Promise<Incident> {
  numbers += 1;
  const number = `2026-${String(9000 + numbers)}`;
  return prisma.incident.create({
    data: {
      number,
      sourceKey: `test-${number}-${Math.random()}`,
      unitId: "qingshan",
      reporterId: "zhangsan",
      chatId: "qingshan-work",
      type: "事故灾难",
      gradeId: "II",
      reportedAt: at,
      lastReportAt: at,
      alertedAt: at,
      completedAt: at,
      summary: "测试事件",
      ...fields,
    },
  });
}

/** A timeline entry as a job writes it. */
export function recordEntry(
  prisma: PrismaClient,
  incidentId: number,
  kind: string,
  at: Date,
  detail: Prisma.InputJsonValue = {},
) {
  return prisma.timelineEntry.create({ data: { incidentId, kind, at, detail } });
}

/** An escalation to `level` at `at`, as the acknowledgement check leaves it. */
export async function escalated(prisma: PrismaClient, incident: Incident, level: number, at: Date) {
  await prisma.incident.update({ where: { id: incident.id }, data: { escalationLevel: level } });
  await recordEntry(prisma, incident.id, "escalated", at, { level });
}

/** 李书记's instruction on an incident, relayed, asking 张三 and 钱镇长 to confirm. */
export async function fileInstruction(
  prisma: PrismaClient,
  incidentId: number,
  createdAt: Date,
  fields: Partial<Prisma.InstructionUncheckedCreateInput> = {},
  confirmed = false,
) {
  return prisma.instruction.create({
    data: {
      incidentId,
      sourceKey: `test-instruction-${Math.random()}`,
      leaderId: "li-shuji",
      text: "请全力处置",
      createdAt,
      relayedAt: createdAt,
      ...fields,
      receipts: {
        create: ["zhangsan", "qian-zhenzhang"].map((personId) => ({
          personId,
          confirmedAt: confirmed ? createdAt : null,
        })),
      },
    },
  });
}

/** The `escalated` timeline entries of an incident, by level. */
export async function escalationsByLevel(
  prisma: PrismaClient,
  incidentId: number,
): Promise<Map<number, Date[]>> {
  const rows = await prisma.timelineEntry.findMany({ where: { incidentId, kind: "escalated" } });
  const byLevel = new Map<number, Date[]>();
  for (const row of rows) {
    const level = (row.detail as { level: number }).level;
    byLevel.set(level, [...(byLevel.get(level) ?? []), row.at]);
  }
  return byLevel;
}

export type { App };

/** Reads the state of scheduled jobs (by scheduler key) on a Redis, from outside the app. */
export class JobStates {
  private readonly redis: Redis;
  private readonly queue: Queue;

  constructor(url: string, prefix: string) {
    this.redis = createRedis(url);
    this.queue = new Queue(JOBS_QUEUE, { connection: this.redis, prefix });
  }

  /** `delayed`, `completed`, `waiting` … or `unknown` when no job has the key. */
  of(key: string): Promise<string> {
    return this.queue.getJobState(safeJobId(key));
  }

  /** Whether a plain key exists (the app's marker). */
  async exists(key: string): Promise<boolean> {
    return (await this.redis.exists(key)) === 1;
  }

  async close(): Promise<void> {
    await this.queue.close();
    await this.redis.quit();
  }
}

/** A logger that keeps the counts of every timer rebuild it logs (`reason`, timers by job name). */
export function rebuildLog(): {
  log: Logger;
  rebuilds: { reason: string; timers: Record<string, number> }[];
} {
  const rebuilds: { reason: string; timers: Record<string, number> }[] = [];
  const log = pino(
    { level: "info" },
    {
      write(line: string) {
        const entry = JSON.parse(line) as { msg?: string; reason?: string; timers?: Record<string, number> };
        if (entry.msg === "rebuilt the pending timers from the database")
          rebuilds.push({ reason: entry.reason ?? "", timers: entry.timers ?? {} });
      },
    },
  );
  return { log, rebuilds };
}
