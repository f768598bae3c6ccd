/**
 * The desk board drawn in a real browser: Debian's chromium through playwright-core (launched as
 * test/support/chromium-launch.ts does; never a downloaded browser), the viewer picked by the demo cookie.
 * Each repeat opens a new page (the browser's cache kept, as a screen reopening the desk) and times
 * navigation of `/desk` until every panel has its rows and every chart card holds a drawn SVG.
 */
import { performance } from "node:perf_hooks";
import { launchChromium } from "../test/support/chromium-launch.ts";
import { type LatencySummary, round, Samples } from "./stats.ts";

export interface BrowserRender extends LatencySummary {
  /** The first navigation (a cold browser cache: echarts and the page's scripts fetched). */
  firstMs: number;
  /**
   * Where the time goes, from the navigation's start (the page's own Performance entries): the
   * document and its scripts ready (DOMContentLoaded), and the board's JSON received.
   */
  domContentLoaded: LatencySummary;
  boardReceived: LatencySummary;
  viewport: { width: number; height: number };
  /** Console errors and uncaught page errors (none expected). */
  errors: string[];
}

/** In the page: whether the board shows `rows` (panel id → row count) and `charts` drawn charts. */
function boardDrawn(expected: { rows: Record<string, number>; charts: number }): boolean {
  for (const [id, count] of Object.entries(expected.rows))
    if (document.querySelectorAll(`#panel-${id} tbody tr`).length !== count) return false;
  const drawn = Array.from(document.querySelectorAll(".chart-card .chart")).filter(
    (box) => box.querySelector("svg path") !== null,
  );
  return drawn.length === expected.charts;
}

/** In the page: DOMContentLoaded and the last board JSON's arrival, in ms since the navigation started. */
function pageMarks(): { domContentLoaded: number; boardReceived: number | null } {
  // window's: this module's `performance` is Node's (and a bundler may rename it).
  const navigation = window.performance.getEntriesByType("navigation")[0] as
    | PerformanceNavigationTiming
    | undefined;
  const board = window.performance
    .getEntriesByType("resource")
    .filter((e) => e.name.endsWith("/desk/api/board"))
    .at(-1) as PerformanceResourceTiming | undefined;
  return {
    domContentLoaded: navigation?.domContentLoadedEventEnd ?? -1,
    boardReceived: board?.responseEnd ?? null,
  };
}

export async function measureBrowserRender(args: {
  url: string;
  cookie: { name: string; value: string };
  rows: Record<string, number>;
  charts: number;
  repeats: number;
}): Promise<BrowserRender> {
  const viewport = { width: 1280, height: 900 };
  const browser = await launchChromium();
  const errors: string[] = [];
  try {
    const context = await browser.newContext({ viewport, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
    await context.addCookies([{ ...args.cookie, url: args.url }]);
    const ready = new Samples();
    const received = new Samples();
    const samples = new Samples();
    /** One navigation; its figures recorded unless it is the warm-up. */
    const once = async (record: boolean): Promise<number> => {
      const page = await context.newPage();
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      page.on("pageerror", (e) => errors.push(e.message));
      try {
        const t0 = performance.now();
        await page.goto(args.url);
        await page.waitForFunction(boardDrawn, { rows: args.rows, charts: args.charts }, { timeout: 15_000 });
        const ms = performance.now() - t0;
        const marks = await page.evaluate(pageMarks);
        if (record) {
          samples.add(ms);
          ready.add(marks.domContentLoaded);
          if (marks.boardReceived !== null) received.add(marks.boardReceived);
        }
        return ms;
      } finally {
        await page.close();
      }
    };
    const firstMs = await once(false);
    for (let i = 0; i < args.repeats; i++) await once(true);
    return {
      ...samples.summary(),
      firstMs: round(firstMs),
      domContentLoaded: ready.summary(),
      boardReceived: received.summary(),
      viewport,
      errors,
    };
  } finally {
    await browser.close();
  }
}
