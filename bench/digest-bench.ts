/**
 * The digest over a year of data (issue 6: 20,000 incidents, target ≤ 1 s): a year of incidents,
 * timeline rows, daily reports (零报告), pending instructions and pauses is put on file
 * (digest-seed.ts), then, after one warm-up each, `BENCH_DIGEST_REPEATS` times:
 * - the digest card (all its queries and sections) and `日报` through the real pipeline, from the
 *   person's message to the reply accepted by the Messenger;
 * - the statistics of the whole year and of last month, `统计 今年` through the pipeline, and the
 *   monthly notice (通报);
 * - the PNG of the year's on-time-rate chart (every reporting unit), as WeChat would get it.
 */
import { performance } from "node:perf_hooks";
import type { Redis } from "ioredis";
import type { App } from "../src/app/create-app.ts";
import { renderChartPng } from "../src/bot/adapters/wechat/render-chart.ts";
import type { Card } from "../src/bot/core/message.ts";
import { addCivilDays, dayString } from "../src/bot/core/wall-clock.ts";
import { incidentRules } from "../src/config/policy.ts";
import { buildDigest } from "../src/handlers/digest/digest.ts";
import { digestWindow } from "../src/handlers/digest/digest-window.ts";
import { localDay, startOfDay } from "../src/handlers/office/days.ts";
import { buildMonthlyNotice } from "../src/handlers/statistics/notice.ts";
import { type Period, parsePeriod } from "../src/handlers/statistics/period.ts";
import { reportingUnits } from "../src/handlers/statistics/reporting-units.ts";
import { buildStatisticsCard } from "../src/handlers/statistics/statistics-command.ts";
import { type PartResult, withBenchApp } from "./bench-app.ts";
import { seedYearOfData } from "./digest-seed.ts";
import type { BenchOptions } from "./options.ts";
import { type PhaseResources, withResources } from "./resources.ts";
import { type LatencySummary, round, Samples } from "./stats.ts";
import type { SyntheticOffice } from "./synthetic-office.ts";

export interface DigestPart {
  settings: { incidents: number; openIncidents: number; units: number; days: number; repeats: number };
  seed: { seconds: number; dailyReports: number; timelineRows: number; instructions: number };
  /** The digest card: its queries and the card, in process. */
  digest: LatencySummary;
  /** `日报` in the leaders' group: the person's message handed to the pipeline → the reply accepted. */
  digestCommand: LatencySummary;
  statisticsYear: LatencySummary;
  statisticsMonth: LatencySummary;
  /** `统计 今年` through the pipeline. */
  statisticsCommand: LatencySummary;
  monthlyNotice: LatencySummary;
  chartPng: LatencySummary & { width: number; height: number; bytes: number };
  /** What the measured runs (not the seeding) cost the machine. */
  resources: PhaseResources;
  checks: { ok: boolean; redisKeysRemoved?: number; redisKeysLeft?: number } & Record<string, unknown>;
}

async function timed<T>(
  repeats: number,
  run: () => Promise<T> | T,
): Promise<{ summary: LatencySummary; last: T }> {
  await run();
  const samples = new Samples();
  let last: T | undefined;
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    last = await run();
    samples.add(performance.now() - t0);
  }
  return { summary: samples.summary(), last: last as T };
}

function field(card: Card | null | undefined, label: RegExp): string {
  return card?.fields.find((f) => label.test(f.label))?.value ?? "";
}

/** The 365 days up to today, as one period. */
function lastYear(now: Date, timeZone: string): Period {
  const today = localDay(now, timeZone);
  const first = addCivilDays(today, -364);
  return {
    kind: "year",
    label: "近一年",
    fromDay: dayString(first),
    toDay: dayString(today),
    from: startOfDay(first, timeZone),
    to: startOfDay(addCivilDays(today, 1), timeZone),
  };
}

async function measure(
  app: App,
  control: Redis,
  office: SyntheticOffice,
  options: BenchOptions,
  progress: (m: string) => void,
): Promise<DigestPart> {
  const { services } = app;
  const { database, directory } = services;
  const { policy } = office.config;
  const units = reportingUnits(directory);
  const reporters = units.map((u) => directory.withRole("reporter", u)[0]?.id ?? "");
  const chats = units.map((u) => directory.groups().find((c) => c.group?.unit === u)?.id ?? "");
  const now = services.clock.now();
  const settings = {
    incidents: options.BENCH_DIGEST_INCIDENTS,
    openIncidents: 40,
    units: units.length,
    days: 365,
    repeats: options.BENCH_DIGEST_REPEATS,
  };
  progress(
    `digest: putting a year on file (${settings.incidents} incidents, ${units.length} units × 365 days)`,
  );
  const seed = await seedYearOfData(database, directory, {
    incidents: settings.incidents,
    open: settings.openIncidents,
    units,
    reporters,
    chats,
    days: settings.days,
    now,
    timeZone: policy.timezone,
  });
  progress(`digest: seeded in ${round(seed.seconds, 1)} s; measuring ${settings.repeats} runs each`);
  const repeats = settings.repeats;
  const leader = "bench-leader-1";
  const say = async (text: string) => {
    const before = await database.consoleMessage.count({
      where: { chatId: office.leadersChatId, senderId: null },
    });
    // Said to the bot in the leaders' group (a group hears only what @-mentions it).
    const { outcome } = await app.inbox.say(office.leadersChatId, leader, `@快报助手 ${text}`);
    return { outcome, before };
  };
  const year = lastYear(now, policy.timezone);
  const month = parsePeriod("上月", now, policy.timezone);
  if (!month.ok) throw new Error("no last month");
  const run = await withResources(control, async () => {
    const digest = await timed(repeats, () =>
      buildDigest(services, incidentRules(policy), digestWindow(null, services.clock.now())),
    );
    const digestCommand = await timed(repeats, () => say("日报"));
    const statisticsYear = await timed(repeats, () => buildStatisticsCard(services, year));
    const statisticsMonth = await timed(repeats, () => buildStatisticsCard(services, month.period));
    const statisticsCommand = await timed(repeats, () => say("统计 今年"));
    const monthlyNotice = await timed(repeats, () => buildMonthlyNotice(services, month.period));
    const chart = statisticsYear.last.chart;
    if (!chart) throw new Error("the statistics card has no chart");
    const chartPng = await timed(repeats, () => renderChartPng(chart, { size: { width: 960, height: 480 } }));
    await app.idle();
    return {
      digest,
      digestCommand,
      statisticsYear,
      statisticsMonth,
      statisticsCommand,
      monthlyNotice,
      chartPng,
    };
  });
  const { digest, digestCommand, statisticsYear, statisticsCommand, chartPng } = run.result;
  const digestReplies = await database.consoleMessage.count({
    where: { chatId: office.leadersChatId, senderId: null },
  });
  const total = field(statisticsYear.last, /^合计$/);
  const checks = {
    digestSections: digest.last?.fields.length ?? 0,
    openIncidentsShown: field(digest.last, /^处置中事件/).split("\n").length,
    yearTotal: total,
    repliesInLeadersGroup: digestReplies,
    commandsHandled: digestCommand.last.outcome === "handled" && statisticsCommand.last.outcome === "handled",
    ok:
      // Six incident sections and the three of 督办 (今日到期, 逾期, 待确认办结).
      (digest.last?.fields.length ?? 0) === 9 &&
      total.startsWith(`首报 ${settings.incidents} 起`) &&
      digestReplies === 2 * (repeats + 1) &&
      digestCommand.last.outcome === "handled" &&
      statisticsCommand.last.outcome === "handled",
  };
  const png = chartPng.last;
  return {
    settings,
    seed: {
      seconds: round(seed.seconds, 1),
      dailyReports: seed.dailyReports,
      timelineRows: seed.timelineRows,
      instructions: seed.instructions,
    },
    digest: digest.summary,
    digestCommand: digestCommand.summary,
    statisticsYear: statisticsYear.summary,
    statisticsMonth: run.result.statisticsMonth.summary,
    statisticsCommand: statisticsCommand.summary,
    monthlyNotice: run.result.monthlyNotice.summary,
    chartPng: { ...chartPng.summary, width: png.width, height: png.height, bytes: png.png.length },
    resources: run.resources,
    checks,
  };
}

export function digestBench(args: {
  options: BenchOptions;
  office: SyntheticOffice;
  redisUrl: string;
  progress: (message: string) => void;
}): Promise<PartResult<DigestPart>> {
  const { options, office, progress } = args;
  return withBenchApp(
    {
      databaseUrl: options.DATABASE_URL,
      config: office.config,
      redisUrl: args.redisUrl,
      logLevel: options.BENCH_LOG_LEVEL,
      name: "digest",
    },
    progress,
    (app, control) => measure(app, control, office, options, progress),
  );
}
