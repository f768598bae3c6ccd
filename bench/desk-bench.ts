/**
 * The duty desk at county scale (issue 16), on its own fresh database and app serving HTTP on
 * loopback (demo mode: the viewer is the `kuaibao_desk_as` cookie), the synthetic office's 64 units:
 * - board: `BENCH_DESK_OPEN_INCIDENTS` (120) open incidents among `BENCH_DESK_INCIDENTS` (2,000) over
 *   30 days, `BENCH_DESK_TASKS` (50) open 督办 tasks of two units each, `BENCH_DESK_OPINION` (30) open
 *   舆情 items: 200 open items. The leader's `GET /desk/api/board`, a warm-up then
 *   `BENCH_DESK_REPEATS` times; when /usr/bin/chromium exists, also navigation of `/desk` until every
 *   panel's rows and the four charts are drawn (`BENCH_DESK_BROWSER_REPEATS` times after a warm-up);
 * - update: an SSE connection to `/desk/api/stream` open as the leader; `BENCH_DESK_UPDATES` (20) times
 *   the leader says `已阅 <number>` in the leaders' group (a different unacknowledged incident each
 *   time) through `app.inbox.say`; measured from just before the say until a `changed` event arrived
 *   and the board fetched after it shows that incident as acknowledged.
 */
import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import type { DeskBoard } from "../src/app/desk/desk-content.ts";
import { DEMO_VIEWER_COOKIE } from "../src/app/desk/desk-viewer.ts";
import type { DeskTable } from "../src/bot/core/desk.ts";
import { INCIDENT_DESK } from "../src/handlers/incident/messages.ts";
import { reportingUnits } from "../src/handlers/statistics/reporting-units.ts";
import { CHROMIUM } from "../test/support/chromium-path.ts";
import { SseEvents } from "../test/support/sse-events.ts";
import { type PartResult, withBenchApp } from "./bench-app.ts";
import type { BrowserRender } from "./desk-browser.ts";
import { measureBrowserRenderApart } from "./desk-browser-apart.ts";
import { seedDeskBoard } from "./desk-seed.ts";
import type { BenchOptions } from "./options.ts";
import { type PhaseResources, withResources } from "./resources.ts";
import { type LatencySummary, round, Samples } from "./stats.ts";
import type { SyntheticOffice } from "./synthetic-office.ts";

/** The charts the board carries (shared-facts: ids fixed between the desk helpers). */
export const DESK_CHARTS = ["incidents-per-day", "on-time-per-unit", "task-on-time", "opinion-in-time"];

export interface DeskPart {
  settings: {
    incidents: number;
    openIncidents: number;
    openTasks: number;
    opinionItems: number;
    units: number;
    repeats: number;
    updates: number;
    browserRepeats: number;
  };
  seed: { seconds: number; timelineRows: number; instructions: number; taskParts: number };
  /** The leader's GET /desk/api/board over HTTP: every panel and chart loaded, JSON sent and parsed. */
  board: LatencySummary & { bytes: number; rows: Record<string, number>; charts: string[] };
  /** Navigation of /desk in chromium until every panel's rows and the charts are drawn; absent without chromium. */
  browserRender?: BrowserRender;
  /** Chat event (`已阅`) → SSE `changed` → the board fetched after it shows the change. */
  update: LatencySummary & {
    /** Say → the `changed` event the showing board was fetched after. */
    toChanged: LatencySummary;
    /** Say → `inbox.say` resolved (stored, queued, handled by the pipeline). */
    toHandled: LatencySummary;
    /** `changed` events after which the board did not show the change yet (another change's). */
    earlyEvents: number;
  };
  resources: { board: PhaseResources; update: PhaseResources };
  checks: { ok: boolean; redisKeysRemoved?: number; redisKeysLeft?: number } & Record<string, unknown>;
}

function tableOf(board: DeskBoard, panelId: string): DeskTable | undefined {
  const block = board.panels.find((p) => p.id === panelId)?.blocks.find((b) => b.kind === "table");
  return block?.kind === "table" ? block : undefined;
}

export async function deskBench(args: {
  options: BenchOptions;
  office: SyntheticOffice;
  redisUrl: string;
  progress: (m: string) => void;
}): Promise<PartResult<DeskPart>> {
  const { options, office, progress } = args;
  const settings = {
    incidents: options.BENCH_DESK_INCIDENTS,
    openIncidents: options.BENCH_DESK_OPEN_INCIDENTS,
    openTasks: options.BENCH_DESK_TASKS,
    opinionItems: options.BENCH_DESK_OPINION,
    units: office.chatCount,
    repeats: options.BENCH_DESK_REPEATS,
    updates: Math.min(options.BENCH_DESK_UPDATES, options.BENCH_DESK_OPEN_INCIDENTS),
    browserRepeats: options.BENCH_DESK_BROWSER_REPEATS,
  };
  return withBenchApp(
    {
      databaseUrl: options.DATABASE_URL,
      config: office.config,
      redisUrl: args.redisUrl,
      logLevel: options.BENCH_LOG_LEVEL,
      name: "desk",
      http: { host: "127.0.0.1", port: 0 },
    },
    progress,
    async (app, control) => {
      const { database, directory, clock } = app.services;
      const base = app.url;
      if (!base) throw new Error("the desk bench's app serves no HTTP");
      const leader = directory.person("bench-leader-1");
      if (!leader) throw new Error("the synthetic office has no bench-leader-1");
      const units = reportingUnits(directory);
      const seedStart = performance.now();
      const seeded = await seedDeskBoard(database, directory, {
        ...settings,
        days: 30,
        units,
        reporters: units.map((u) => directory.withRole("reporter", u)[0]?.id ?? ""),
        chats: units.map((u) => directory.groups().find((c) => c.group?.unit === u)?.id ?? ""),
        now: clock.now(),
        timeZone: office.config.policy.timezone,
      });
      const seedSeconds = round((performance.now() - seedStart) / 1000, 1);
      progress(
        `desk: ${settings.incidents} incidents (${seeded.open.length} open), ${settings.openTasks} tasks, ${settings.opinionItems} 舆情 on file in ${seedSeconds} s`,
      );

      const cookie = `${DEMO_VIEWER_COOKIE}=${leader.id}`;
      const fetchBoard = async (): Promise<{ board: DeskBoard; bytes: number }> => {
        const response = await fetch(`${base}/desk/api/board`, { headers: { cookie } });
        const text = await response.text();
        if (!response.ok) throw new Error(`GET /desk/api/board: ${response.status} ${text.slice(0, 200)}`);
        return { board: JSON.parse(text) as DeskBoard, bytes: Buffer.byteLength(text) };
      };

      // 1. The board, over HTTP and (when chromium is there) drawn in a browser.
      const boardRun = await withResources(control, async () => {
        let last = await fetchBoard();
        const samples = new Samples();
        for (let i = 0; i < settings.repeats; i++) {
          const t0 = performance.now();
          last = await fetchBoard();
          samples.add(performance.now() - t0);
        }
        return { summary: samples.summary(), last };
      });
      const { board, bytes } = boardRun.result.last;
      const rows = Object.fromEntries(
        ["incidents", "tasks", "opinion"].map((id) => [id, tableOf(board, id)?.rows.length ?? -1]),
      );
      const charts = board.charts.map((c) => c.id);
      // Before the updates no open incident is acknowledged, so a row showing 已阅 later is the update's.
      const unacknowledgedAtStart =
        tableOf(board, "incidents")?.rows.filter((r) => r.cells[6]?.text === INCIDENT_DESK.notAcknowledged)
          .length ?? 0;
      const expectedRows = {
        incidents: seeded.open.length,
        tasks: settings.openTasks,
        opinion: settings.opinionItems,
      };
      progress(
        `desk: board ${boardRun.result.summary.p50Ms} ms p50, ${boardRun.result.summary.maxMs} ms max (${bytes} bytes); rows ${JSON.stringify(rows)}, charts ${charts.join(", ")}`,
      );
      let browserRender: BrowserRender | undefined;
      if (existsSync(CHROMIUM) && settings.browserRepeats > 0) {
        browserRender = await measureBrowserRenderApart({
          url: `${base}/desk`,
          cookie: { name: DEMO_VIEWER_COOKIE, value: leader.id },
          rows: expectedRows,
          charts: DESK_CHARTS.length,
          repeats: settings.browserRepeats,
        });
        progress(
          `desk: browser render ${browserRender.p50Ms} ms p50, ${browserRender.maxMs} ms max (first, cold: ${browserRender.firstMs} ms)`,
        );
      } else progress(`desk: no ${CHROMIUM}, the board is judged on the API figure`);

      // 2. A chat event reaching the board.
      const events = await SseEvents.open(`${base}/desk/api/stream`, { cookie });
      const acknowledged = INCIDENT_DESK.acknowledgedBy(leader.name);
      const shows = (b: DeskBoard, id: number) =>
        tableOf(b, "incidents")?.rows.find((r) => r.item?.id === String(id))?.cells[6]?.text === acknowledged;
      let earlyEvents = 0;
      let shown = 0;
      const updateRun = await withResources(control, async () => {
        try {
          const total = new Samples();
          const toChanged = new Samples();
          const toHandled = new Samples();
          for (const incident of seeded.open.slice(0, settings.updates)) {
            await app.idle();
            let from = events.count;
            const t0 = performance.now();
            const said = app.inbox
              .say(office.leadersChatId, leader.id, `已阅 ${incident.number}`)
              .then(() => toHandled.add(performance.now() - t0));
            for (let attempt = 0; attempt < 10; attempt++) {
              const changed = await events.next((e) => e.event === "changed", { from, timeoutMs: 5_000 });
              from = events.count;
              const { board: after } = await fetchBoard();
              if (shows(after, incident.id)) {
                total.add(performance.now() - t0);
                toChanged.add(changed.at - t0);
                shown += 1;
                break;
              }
              earlyEvents += 1;
            }
            await said;
          }
          return { total: total.summary(), toChanged: toChanged.summary(), toHandled: toHandled.summary() };
        } finally {
          events.close();
        }
      });
      await app.idle();
      const update = updateRun.result;
      progress(
        `desk: update ${update.total.p50Ms} ms p50, ${update.total.maxMs} ms max over ${shown} 已阅 (changed p50 ${update.toChanged.p50Ms} ms)`,
      );

      const rowsOk = Object.entries(expectedRows).every(([id, n]) => rows[id] === n);
      const chartsOk = DESK_CHARTS.every((id) => charts.includes(id));
      const browserOk = browserRender === undefined || browserRender.errors.length === 0;
      return {
        settings,
        seed: {
          seconds: seedSeconds,
          timelineRows: seeded.timelineRows,
          instructions: seeded.instructions,
          taskParts: seeded.taskParts,
        },
        board: { ...boardRun.result.summary, bytes, rows, charts },
        ...(browserRender ? { browserRender } : {}),
        update: { ...update.total, toChanged: update.toChanged, toHandled: update.toHandled, earlyEvents },
        resources: { board: boardRun.resources, update: updateRun.resources },
        checks: {
          ok:
            seeded.open.length === settings.openIncidents &&
            unacknowledgedAtStart === seeded.open.length &&
            rowsOk &&
            chartsOk &&
            browserOk &&
            shown === settings.updates,
          rows,
          expectedRows,
          charts,
          unacknowledgedAtStart,
          updatesShown: shown,
          ...(browserRender ? { browserErrors: browserRender.errors } : {}),
        },
      };
    },
  );
}
