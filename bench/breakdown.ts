/**
 * Where a dialog step's time goes, statement by statement: runs the 登记 dialog like `npm run bench`
 * (closed loop; BREAKDOWN_CONCURRENCY, default 1 so that a statement's wall time is its own cost) on
 * an instrumented in-memory PGlite, and prints per step: SQL statements (count, time, slowest), time
 * inside PGlite's WebAssembly, Redis commands (from INFO commandstats) and bytes sent to Redis.
 * Usage: `npx tsx bench/breakdown.ts` (PGlite only; REDIS_URL as for the bench).
 */

import { performance } from "node:perf_hooks";
import type { PGlite } from "@electric-sql/pglite";
import { Queue, Worker } from "bullmq";
import type { Redis } from "ioredis";
import { createRedis } from "../src/queue/redis-connection.ts";
import type { PrismaClient } from "../src/store/generated/client.ts";
import { DialogDriver } from "./dialog-driver.ts";
import { commandStats, netInput, printCosts } from "./instrument.ts";
import { startInstrumentedApp } from "./instrumented-app.ts";
import { LatencyProbe } from "./latency-probe.ts";
import { closedLoop } from "./load.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const concurrency = Number(process.env.BREAKDOWN_CONCURRENCY ?? 1);
const seconds = Number(process.env.BREAKDOWN_SECONDS ?? 8);

async function main(): Promise<void> {
  const setup = await startInstrumentedApp(ROOT);
  const { office, redis, prefix, pglite, database, pg, app, control } = setup;
  const driver = new DialogDriver(app, new LatencyProbe(app), office.people, `bd-${Date.now().toString(36)}`);
  const slotAt = new Array<number>(concurrency).fill(0);
  const slots = Array.from({ length: concurrency }, (_, s) => driver.slotPeople(s, concurrency));
  const op = async (slot: number) => {
    const people = slots[slot] as number[];
    if (await driver.step(people[slotAt[slot] as number] as number))
      slotAt[slot] = ((slotAt[slot] as number) + 1) % people.length;
  };
  try {
    await closedLoop(concurrency, 3000, op);
    await app.idle();
    driver.reset();
    const redisBefore = await commandStats(control);
    const netBefore = await netInput(control);
    const cpuBefore = process.cpuUsage();
    pg.recording = true;
    const t0 = performance.now();
    await closedLoop(concurrency, seconds * 1000, op);
    await app.idle();
    const wallMs = performance.now() - t0;
    pg.recording = false;
    const cpu = process.cpuUsage(cpuBefore);
    const redisAfter = await commandStats(control);
    const netAfter = await netInput(control);
    const rec = driver.reset();
    const steps = rec.steps;
    const out = (line: string) => process.stdout.write(`${line}\n`);
    out(
      `${steps} steps in ${(wallMs / 1000).toFixed(1)} s at concurrency ${concurrency} (incl. delivery): ` +
        `${((steps / wallMs) * 1000).toFixed(0)} steps/s; process CPU ${((cpu.user + cpu.system) / 1000 / steps).toFixed(2)} ms/step; ` +
        `reply p50 ${rec.reply.summary().p50Ms} ms`,
    );
    printCosts(out, "step", steps, pg, {
      before: redisBefore,
      after: redisAfter,
      bytes: netAfter - netBefore,
    });
    await operationCosts(out, pglite, database.prisma, control, redis.url, prefix);
  } finally {
    await setup.close();
  }
}

/** Each building block of a step alone, one at a time: wall and CPU per call. */
async function operationCosts(
  out: (line: string) => void,
  pglite: PGlite,
  prisma: PrismaClient,
  redis: Redis,
  redisUrl: string,
  prefix: string,
): Promise<void> {
  const n = Number(process.env.BREAKDOWN_OPS ?? 400);
  let i = 0;
  const measure = async (name: string, op: () => Promise<unknown>) => {
    for (let w = 0; w < 50; w++) await op();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let k = 0; k < n; k++) await op();
    const wall = (performance.now() - t0) / n;
    const cpu = process.cpuUsage(cpu0);
    out(
      `${wall.toFixed(3).padStart(7)} ${((cpu.user + cpu.system) / 1000 / n).toFixed(3).padStart(7)}  ${name}`,
    );
  };
  const row = () => ({
    chatId: "bd-chat",
    senderId: "bd-person",
    kind: "text",
    text: `text ${++i}`,
    mentions: [],
    createdAt: new Date(),
  });
  await prisma.dialogSession.create({
    data: {
      id: "bd-session",
      chatId: "bd-chat",
      personId: "bd-person",
      dialogId: "profile",
      stepId: "phone",
      data: {},
      history: [],
      platform: "console",
      startedAt: new Date(),
      lastActiveAt: new Date(),
    },
  });
  out(`\nsingle operations, one at a time (${n} each): wall ms/op, process CPU ms/op`);
  await measure("redis SET NX EX (one round trip)", () =>
    redis.set(`${prefix}:bd:${++i}`, "1", "EX", 600, "NX"),
  );
  await measure("pglite.query SELECT 1 (no Prisma)", () => pglite.query("SELECT 1"));
  await measure("pglite.query INSERT console_message (no Prisma)", () =>
    pglite.query(
      `INSERT INTO console_message (chat_id, sender_id, kind, text, mentions, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      ["bd-chat", "bd-person", "text", `raw ${++i}`, "[]", new Date()],
    ),
  );
  await measure("prisma consoleMessage.create (the bare minimum's INSERT)", () =>
    prisma.consoleMessage.create({ data: row() }),
  );
  await measure("prisma $queryRaw INSERT … ON CONFLICT DO NOTHING RETURNING *", () => {
    const key = `raw-${++i}`;
    return prisma.$queryRaw`INSERT INTO console_message (chat_id, sender_id, kind, text, mentions, urgent_to, idempotency_key, created_at) VALUES ('bd-chat', NULL, 'text', ${key}, '[]', '[]', ${key}, ${new Date()}) ON CONFLICT DO NOTHING RETURNING *`;
  });
  await measure("prisma consoleMessage.createManyAndReturn skipDuplicates (bot message)", () =>
    prisma.consoleMessage.createManyAndReturn({
      data: [{ ...row(), senderId: null, idempotencyKey: `bd-${++i}` }],
      skipDuplicates: true,
    }),
  );
  await measure("prisma dialogSession.findUnique by chat+person (router)", () =>
    prisma.dialogSession.findUnique({
      where: { chatId_personId: { chatId: "bd-chat", personId: "bd-person" } },
    }),
  );
  await measure("prisma dialogSession.update by id (save)", () =>
    prisma.dialogSession.update({
      where: { id: "bd-session" },
      data: { stepId: "title", data: { phone: String(++i) }, history: ["phone"], lastActiveAt: new Date() },
    }),
  );
  const queue = new Queue("bd-probe", { connection: createRedis(redisUrl), prefix });
  await measure("bullmq queue.addBulk of one job (Messenger.send)", () =>
    queue.addBulk([{ name: "send", data: { n: ++i }, opts: { jobId: `bd-${i}`, removeOnComplete: true } }]),
  );
  const jobs = 50 + n;
  const worker = new Worker("bd-probe", async () => {}, {
    connection: createRedis(redisUrl),
    prefix,
    concurrency: 8,
  });
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await new Promise<void>((resolve) => {
    let done = 0;
    worker.on("completed", () => {
      if (++done === jobs) resolve();
    });
  });
  const cpu = process.cpuUsage(cpu0);
  out(
    `${((performance.now() - t0) / jobs).toFixed(3).padStart(7)} ${((cpu.user + cpu.system) / 1000 / jobs).toFixed(3).padStart(7)}  bullmq worker: fetch + complete one job (no-op processor, concurrency 8)`,
  );
  await worker.close();
  await queue.close();
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
