/** The bench's settings, from the environment; the defaults finish in about two and a half minutes on 2 cores. */
import { z } from "zod";

/** The parts a run can pick (`incident` means alerts and timers), in the order they run. */
export const BENCH_PARTS = [
  "dialog",
  "alerts",
  "timers",
  "digest",
  "cutoff",
  "feishu",
  "dingtalk",
  "wecom",
  "supervision",
  "desk",
] as const;

export type BenchPartName = (typeof BENCH_PARTS)[number];

const int = (fallback: number, min = 1) => z.coerce.number().int().min(min).default(fallback);
const seconds = (fallback: number) => z.coerce.number().min(0).default(fallback);

const schema = z.object({
  DATABASE_URL: z
    .string()
    .optional()
    .transform((v) => v?.trim() || undefined),
  REDIS_URL: z
    .string()
    .optional()
    .transform((v) => v?.trim() || undefined),
  /**
   * PGlite on a data folder (`folder`, the default, as `npm start` runs it: a migrated folder made
   * once and copied for each part) or in memory (`memory`, as the tests run it: the database's files
   * in the process, which grow with the bench's data and count in its resident memory).
   */
  BENCH_PGLITE: z.enum(["folder", "memory"]).default("folder"),
  /** Unit work groups in the synthetic office, and reporters in each. */
  BENCH_CHATS: int(64),
  BENCH_PEOPLE_PER_CHAT: int(4),
  /** Conversations in flight at once in the closed-loop phases (dialog and bare minimum alike). */
  BENCH_CONCURRENCY: int(16),
  /** Messages per second offered in the open-loop phases (the issue's target). */
  BENCH_RATE: int(500),
  BENCH_WARMUP_SECONDS: seconds(5),
  BENCH_CLOSED_SECONDS: seconds(15),
  BENCH_OPEN_SECONDS: seconds(15),
  BENCH_BARE_SECONDS: seconds(10),
  /**
   * Which parts to run: `dialog` (登记 dialog and bare minimum), `alerts` (首报 → leaders' alert),
   * `timers` (10,000 open incidents' timers), `incident` (alerts and timers), `digest` (digest and
   * statistics over a year of data), `cutoff` (the zero-report cut-off for 10,000 units), `feishu` (one
   * alert to 100 Feishu chats through the fake server), `dingtalk` (one alert to 100 DingTalk groups
   * through the fake DingTalk), `wecom` (one alert to 100 WeCom app groups under WeCom's per-minute
   * limits, about a minute), `supervision` (the 督办 ledger of 2,000 open
   * tasks and the overdue sweep over 10,000), `desk` (the duty desk's board of 200 open items over HTTP
   * and in chromium, and a chat event reaching it); comma-separated. Default: all.
   */
  BENCH_ONLY: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const words = (v ?? "")
        .split(",")
        .map((w) => w.trim())
        .filter(Boolean);
      const parts = new Set<string>();
      for (const w of words.length > 0 ? words : BENCH_PARTS) {
        if (w === "incident") parts.add("alerts").add("timers");
        else if ((BENCH_PARTS as readonly string[]).includes(w)) parts.add(w);
        else
          ctx.addIssue({
            code: "custom",
            message: `unknown part ${w} (dialog, incident, alerts, timers, digest, cutoff, feishu, dingtalk, wecom, supervision, desk)`,
          });
      }
      return {
        dialog: parts.has("dialog"),
        alerts: parts.has("alerts"),
        timers: parts.has("timers"),
        digest: parts.has("digest"),
        cutoff: parts.has("cutoff"),
        feishu: parts.has("feishu"),
        dingtalk: parts.has("dingtalk"),
        wecom: parts.has("wecom"),
        supervision: parts.has("supervision"),
        desk: parts.has("desk"),
        all: words.length === 0,
      };
    }),
  /** Units owing a zero report in the cut-off part, and how many times the evaluation is measured. */
  BENCH_CUTOFF_UNITS: int(10_000),
  BENCH_CUTOFF_ROUNDS: int(5),
  /** 首报 confirmed per second (open loop) in the alert phase, for how long, after a warm-up. */
  BENCH_ALERT_RATE: int(50),
  BENCH_ALERT_SECONDS: seconds(10),
  BENCH_ALERT_WARMUP_SECONDS: seconds(2),
  /** When the alert target is missed at BENCH_ALERT_RATE, a short phase at this share of it follows. */
  BENCH_ALERT_LOWER_RATE_SHARE: z.coerce.number().gt(0).lt(1).default(0.5),
  /** A report's 确认 is due this long after its first message (上报 …), the time to answer the grade. */
  BENCH_ALERT_LEAD_MS: int(1000, 0),
  /** Open incidents put on file for the timer phase, one acknowledgement check each. */
  BENCH_TIMER_INCIDENTS: int(10_000),
  /** The checks fall due evenly over this window. */
  BENCH_TIMER_WINDOW_SECONDS: seconds(5),
  /**
   * The sustained phase the lateness target is judged on: checks falling due at this rate for this long,
   * with the burst's incidents still open (and their next checks pending). 200/s is the design load of
   * 50 首报 a second, each with its acknowledgement, written-report, follow-up and re-notification timers.
   */
  BENCH_TIMER_SUSTAINED_RATE: int(200, 1),
  BENCH_TIMER_SUSTAINED_SECONDS: seconds(20),
  /** Scheduler.schedule calls in flight at once while scheduling them. */
  BENCH_TIMER_CONCURRENCY: int(16),
  /** Incidents in the year of data the digest part puts on file, and how often each figure is measured. */
  BENCH_DIGEST_INCIDENTS: int(20_000),
  BENCH_DIGEST_REPEATS: int(5),
  /**
   * Supervision part: open 督办 tasks the overdue sweep runs over, those on file when the 督办 ledger is
   * measured, closed tasks as history, and how often each figure is measured.
   */
  BENCH_SUPERVISION_TASKS: int(10_000),
  BENCH_SUPERVISION_LEDGER_TASKS: int(2_000),
  BENCH_SUPERVISION_CLOSED: int(20_000),
  BENCH_SUPERVISION_REPEATS: int(5),
  /**
   * Desk part: incidents over the last 30 days and how many of them are open, open 督办 tasks (two
   * units each) and open 舆情 items on the board (120 + 50 + 30: the issue's 200 open items); how often
   * the board is fetched and drawn in chromium (0: not in the browser), and how many 已阅 are timed
   * reaching it.
   */
  BENCH_DESK_INCIDENTS: int(2_000),
  BENCH_DESK_OPEN_INCIDENTS: int(120),
  BENCH_DESK_TASKS: int(50),
  BENCH_DESK_OPINION: int(30),
  BENCH_DESK_REPEATS: int(10),
  BENCH_DESK_BROWSER_REPEATS: int(5, 0),
  BENCH_DESK_UPDATES: int(20),
  /** Feishu part: Feishu groups one alert is fanned out to, and messages in the one-chat burst. */
  BENCH_FEISHU_CHATS: int(100),
  BENCH_FEISHU_BURST: int(20),
  /** DingTalk part: DingTalk groups one alert is fanned out to. */
  BENCH_DINGTALK_CHATS: int(100),
  /**
   * WeCom part: app groups one alert is fanned out to, and the people in each (WeCom counts group
   * messages by recipients, 20 000 a minute: groups of 400 allow 50 group messages a minute).
   */
  BENCH_WECOM_CHATS: int(100),
  BENCH_WECOM_GROUP_SIZE: int(400),
  /** The app's log level during the run (pino); silent keeps logging out of the figures. */
  BENCH_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("silent"),
  /**
   * Where to write the JSON result, relative to the project root; default bench/results/latest.json,
   * or bench/results/latest-<parts>.json when BENCH_ONLY picks some parts.
   */
  BENCH_OUT: z.string().optional(),
  /**
   * `1`: every part in this one process, one after another, as before issue 13's last round. By
   * default each part (the incident part's alerts and timers together) runs in a process of its own,
   * started as this one was, so its memory is that of one bot under that part's load, not the
   * leftovers of the parts before it (part-processes.ts).
   */
  BENCH_ONE_PROCESS: z.enum(["0", "1"]).default("0"),
  /** Set by part-processes.ts on the process it starts for a part: run the parts given, here. */
  BENCH_PART_PROCESS: z.enum(["0", "1"]).default("0"),
});

export type BenchOptions = z.infer<typeof schema>;

export function benchOptions(env: NodeJS.ProcessEnv): BenchOptions {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new Error(
    `bench settings are wrong:\n${result.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`).join("\n")}`,
  );
}
