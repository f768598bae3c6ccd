/** The bench's settings, from the environment; the defaults finish in about a minute on 2 cores. */
import { z } from "zod";

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
  /** The app's log level during the run (pino); silent keeps logging out of the figures. */
  BENCH_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("silent"),
  /** Where to write the JSON result, relative to the project root. */
  BENCH_OUT: z.string().default("bench/results/latest.json"),
});

export type BenchOptions = z.infer<typeof schema>;

export function benchOptions(env: NodeJS.ProcessEnv): BenchOptions {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new Error(
    `bench settings are wrong:\n${result.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`).join("\n")}`,
  );
}
