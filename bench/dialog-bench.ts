/**
 * The inbound dialog part of `npm run bench`: many simulated people answering the 登记 dialog in many
 * chats through the console adapter's inbound path, against real Redis and the real database, compared
 * with the bare minimum a message could cost (one Redis SET NX and one INSERT through the same Prisma
 * client) at the same concurrency. It owns its database, app and queue prefix, and removes them.
 */

import { performance } from "node:perf_hooks";
import { BARE_CHAT_ID, BareMinimum } from "./bare-minimum.ts";
import { withBenchApp } from "./bench-app.ts";
import { profiled } from "./cpu-profile.ts";
import { DialogDriver } from "./dialog-driver.ts";
import { bareFigures, dialogFigures } from "./figures.ts";
import { LatencyProbe } from "./latency-probe.ts";
import { closedLoop, openLoop } from "./load.ts";
import type { BenchOptions } from "./options.ts";
import type { DialogPart } from "./report.ts";
import { withResources } from "./resources.ts";
import { round } from "./stats.ts";
import type { SyntheticOffice } from "./synthetic-office.ts";

export async function dialogBench(args: {
  options: BenchOptions;
  office: SyntheticOffice;
  redisUrl: string;
  runId: string;
  profileFile?: string;
  progress: (message: string) => void;
}): Promise<{ part: DialogPart; database: { kind: "pglite" | "postgres"; where: string } }> {
  const { options, office, redisUrl, profileFile, progress } = args;
  return withBenchApp(
    {
      databaseUrl: options.DATABASE_URL,
      config: office.config,
      redisUrl,
      logLevel: options.BENCH_LOG_LEVEL,
      name: "dialog",
    },
    progress,
    async (app, control, prefix): Promise<DialogPart> => {
      const prisma = app.services.database;
      const ctl = control;
      const theApp = app;
      const probe = new LatencyProbe(app);
      const driver = new DialogDriver(app, probe, office.people, args.runId);
      const concurrency = Math.min(options.BENCH_CONCURRENCY, driver.people);
      const rssBeforeLoadMiB = Math.round(process.memoryUsage.rss() / 1024 / 1024);

      // Closed loop: each slot takes its people through whole rounds of the dialog, one after another.
      const slotPeople = Array.from({ length: concurrency }, (_, s) => driver.slotPeople(s, concurrency));
      const slotAt = new Array<number>(concurrency).fill(0);
      const dialogOp = async (slot: number) => {
        const people = slotPeople[slot] as number[];
        if (await driver.step(people[slotAt[slot] as number] as number))
          slotAt[slot] = ((slotAt[slot] as number) + 1) % people.length;
      };
      const drain = async () => {
        const backlog = await theApp.messenger.pendingCount();
        const t0 = performance.now();
        await theApp.idle();
        return { outboundBacklogAtEnd: backlog, drainMs: round(performance.now() - t0, 0) };
      };

      progress(`warm-up: ${options.BENCH_WARMUP_SECONDS} s of dialogs, ${concurrency} conversations at once`);
      await closedLoop(concurrency, options.BENCH_WARMUP_SECONDS * 1000, dialogOp);
      const warmup = driver.reset();
      await theApp.idle();

      progress(
        `dialog, closed loop: ${options.BENCH_CLOSED_SECONDS} s, ${concurrency} conversations at once`,
      );
      // A dialog phase's CPU and memory include delivering what it queued (the drain afterwards).
      const closed = await withResources(ctl, async () => {
        const load = await profiled(profileFile, () =>
          closedLoop(concurrency, options.BENCH_CLOSED_SECONDS * 1000, dialogOp),
        );
        return { load, drain: await drain() };
      });
      const closedRec = driver.reset();

      const openPhase = async (rate: number, seconds: number) => {
        progress(`dialog, open loop: ${rate} messages/s offered for ${seconds} s`);
        const run = await withResources(ctl, async () => {
          const load = await openLoop(driver.people, rate, seconds * 1000, async (actor, dueAt) => {
            await driver.step(actor, dueAt);
          });
          return { load, drain: await drain() };
        });
        const rec = driver.reset();
        const { load } = run.result;
        const figures = {
          offeredRatePerSecond: rate,
          ...dialogFigures(rec, load, run.resources, run.result.drain),
          waitedForActor: load.waitedForActor ?? 0,
          offered: load.offered ?? 0,
          ...(load.gaveUpAfterMs === undefined ? {} : { gaveUpAfterMs: round(load.gaveUpAfterMs, 0) }),
        };
        return { rec, figures, resources: run.resources };
      };
      const closedPhase = dialogFigures(closedRec, closed.result.load, closed.resources, closed.result.drain);
      const open = await openPhase(options.BENCH_RATE, options.BENCH_OPEN_SECONDS);
      // Below the target, also show the latency at a load the system does carry: half its capacity.
      const halfRate = Math.max(1, Math.round(closedPhase.stepsPerSecondIncludingDelivery / 2));
      const half =
        closedPhase.stepsPerSecondIncludingDelivery < options.BENCH_RATE
          ? await openPhase(halfRate, Math.min(10, options.BENCH_OPEN_SECONDS))
          : undefined;

      const bare = new BareMinimum(ctl, prisma, prefix);
      progress(
        `bare minimum (SET NX + INSERT): warm-up, then ${options.BENCH_BARE_SECONDS} s closed and open loop`,
      );
      await closedLoop(concurrency, Math.min(2000, options.BENCH_WARMUP_SECONDS * 1000), (slot) =>
        bare.op(slot),
      );
      bare.reset();
      const bareClosed = await withResources(ctl, () =>
        closedLoop(concurrency, options.BENCH_BARE_SECONDS * 1000, (slot) => bare.op(slot)),
      );
      const bareClosedFigures = bareFigures(bare, bareClosed.result, bareClosed.resources);
      bare.reset();
      const bareOpen = await withResources(ctl, () =>
        openLoop(driver.people, options.BENCH_RATE, options.BENCH_BARE_SECONDS * 1000, (actor, dueAt) =>
          bare.op(actor, dueAt),
        ),
      );
      const bareOpenFigures = bareFigures(bare, bareOpen.result, bareOpen.resources);

      // Everything the bot said must have reached the console history, and every round a profile.
      await theApp.idle();
      const recorders = [warmup, closedRec, open.rec, ...(half ? [half.rec] : [])];
      const stepsTotal = recorders.reduce((sum, r) => sum + r.steps, 0);
      const [personMessages, botMessages, profiles] = await Promise.all([
        prisma.consoleMessage.count({ where: { senderId: { startsWith: "bench-p-" } } }),
        prisma.consoleMessage.count({ where: { senderId: null } }),
        prisma.personProfile.count(),
      ]);
      const checks = {
        personMessagesStored: personMessages,
        stepsSent: stepsTotal,
        /** The warm-up's problems, which count against the checks like the measured phases'. */
        warmupErrors: {
          failed: warmup.failed,
          noReply: warmup.noReply,
          unexpectedReply: warmup.unexpected,
          examples: warmup.examples,
        },
        botMessagesDelivered: botMessages,
        repliesAccepted: probe.accepted,
        strayReplies: probe.strayReplies,
        firstRepliesNotDelivered: probe.undelivered,
        profilesSaved: profiles,
        bareRowsWritten: await prisma.consoleMessage.count({ where: { chatId: BARE_CHAT_ID } }),
        ok:
          personMessages === stepsTotal &&
          botMessages === probe.accepted &&
          probe.strayReplies === 0 &&
          probe.undelivered === 0 &&
          recorders.every((r) => r.failed + r.unexpected + r.noReply === 0) &&
          bare.failed === 0,
      };

      const peakRssMiB = Math.max(
        closed.resources.peakRssMiB,
        open.resources.peakRssMiB,
        half?.resources.peakRssMiB ?? 0,
        bareClosed.resources.peakRssMiB,
        bareOpen.resources.peakRssMiB,
      );
      return {
        settings: {
          chats: office.chatCount,
          people: driver.people,
          concurrency,
          openLoopRatePerSecond: options.BENCH_RATE,
          warmupSeconds: options.BENCH_WARMUP_SECONDS,
          closedSeconds: options.BENCH_CLOSED_SECONDS,
          openSeconds: options.BENCH_OPEN_SECONDS,
          bareSeconds: options.BENCH_BARE_SECONDS,
          logLevel: options.BENCH_LOG_LEVEL,
          latency:
            "reply = from pipeline.handle() being called to the first reply's Messenger.send() resolving (queued on Redis); " +
            "fromDue = from when the open loop's message was due; say = inbox.say() as a whole (stores the person's message first)",
        },
        dialog: {
          closedLoop: closedPhase,
          openLoop: open.figures,
          ...(half ? { openLoopAtHalfCapacity: half.figures } : {}),
        },
        bareMinimum: { closedLoop: bareClosedFigures, openLoop: bareOpenFigures },
        ratio: {
          throughputBareOverDialog: round(
            bareClosedFigures.opsPerSecond / closedPhase.stepsPerSecondIncludingDelivery,
          ),
          p50DialogOverBare: round(closedPhase.latency.reply.p50Ms / bareClosedFigures.latency.p50Ms),
          p99DialogOverBare: round(closedPhase.latency.reply.p99Ms / bareClosedFigures.latency.p99Ms),
          cpuPerMessageDialogOverBare: round(closedPhase.cpuMsPerStep / bareClosedFigures.cpuMsPerOp),
        },
        peakRssMiB,
        rssBeforeLoadMiB,
        otherLoadCores: {
          dialogClosed: closed.resources.otherProcessesCores,
          dialogOpen: open.resources.otherProcessesCores,
          ...(half ? { dialogOpenHalf: half.resources.otherProcessesCores } : {}),
          bareClosed: bareClosed.resources.otherProcessesCores,
          bareOpen: bareOpen.resources.otherProcessesCores,
        },
        checks,
      };
    },
  );
}
