/**
 * Counting what work costs, for the breakdown tools: every SQL statement an in-memory PGlite runs
 * (by shape, with its wall time), the time inside PGlite's WebAssembly, the Prisma query plans
 * compiled, and Redis's own per-command counters (INFO commandstats, all clients of that Redis).
 */
import { performance } from "node:perf_hooks";
import type { PGlite } from "@electric-sql/pglite";
import { QueryCompiler } from "@prisma/client/runtime/query_compiler_fast_bg.postgresql.mjs";
import type { Redis } from "ioredis";

export interface Stat {
  count: number;
  ms: number;
  maxMs: number;
}

export const addStat = (map: Map<string, Stat>, key: string, ms: number) => {
  const s = map.get(key) ?? { count: 0, ms: 0, maxMs: 0 };
  s.count += 1;
  s.ms += ms;
  s.maxMs = Math.max(s.maxMs, ms);
  map.set(key, s);
};

/** A statement with its values and column lists elided, so that statements of one kind add up. */
export function sqlShape(sql: string): string {
  return sql
    .replace(/\s+/g, " ")
    .replace(/"public"\./g, "")
    .replace(/\$\d+/g, "?")
    .replace(/SELECT .*? FROM/, "SELECT … FROM")
    .replace(/RETURNING .*/, "RETURNING …")
    .replace(/\((?:"[a-z_]+",?)+\) VALUES \(.*?\)/, "(…) VALUES (…)")
    .replace(/SET (.*?) WHERE/, "SET … WHERE")
    .slice(0, 110);
}

/** Wraps a PGlite and Prisma's query compiler; counts only while `recording` is true. */
export function instrumentPglite(pglite: PGlite) {
  const state = {
    recording: false,
    statements: new Map<string, Stat>(),
    wasm: { count: 0, ms: 0, maxMs: 0 } as Stat,
    compiles: new Map<string, Stat>(),
    reset() {
      state.statements = new Map();
      state.wasm = { count: 0, ms: 0, maxMs: 0 };
      state.compiles = new Map();
    },
  };
  const query = pglite.query.bind(pglite);
  pglite.query = (async (sql: string, params?: unknown[], options?: object) => {
    const t0 = performance.now();
    try {
      return await query(sql, params, options);
    } finally {
      if (state.recording) addStat(state.statements, sqlShape(sql), performance.now() - t0);
    }
  }) as typeof pglite.query;
  const rawSync = pglite.execProtocolRawSync.bind(pglite);
  pglite.execProtocolRawSync = (message: Uint8Array) => {
    const t0 = performance.now();
    try {
      return rawSync(message);
    } finally {
      if (state.recording) {
        const ms = performance.now() - t0;
        state.wasm.count += 1;
        state.wasm.ms += ms;
        state.wasm.maxMs = Math.max(state.wasm.maxMs, ms);
      }
    }
  };
  // Prisma caches query plans by shape; a compile here is a cache miss (or a query it cannot cache).
  const compile = QueryCompiler.prototype.compile;
  QueryCompiler.prototype.compile = function (this: QueryCompiler, request: string) {
    const t0 = performance.now();
    try {
      return compile.call(this, request);
    } finally {
      if (state.recording) {
        const parsed = JSON.parse(request) as { modelName?: string; action?: string };
        addStat(state.compiles, `${parsed.modelName ?? ""}.${parsed.action ?? "?"}`, performance.now() - t0);
      }
    }
  };
  return state;
}

export async function commandStats(redis: Redis): Promise<Map<string, { calls: number; usec: number }>> {
  const info = await redis.info("commandstats");
  const stats = new Map<string, { calls: number; usec: number }>();
  for (const m of info.matchAll(/cmdstat_([^:]+):calls=(\d+),usec=(\d+)/g))
    stats.set(m[1] as string, { calls: Number(m[2]), usec: Number(m[3]) });
  return stats;
}

export async function netInput(redis: Redis): Promise<number> {
  return Number(/total_net_input_bytes:(\d+)/.exec(await redis.info("stats"))?.[1] ?? 0);
}

/** Prints what `instrumentPglite` and Redis counted over `units` units of work (steps, jobs, reports). */
export function printCosts(
  out: (line: string) => void,
  unit: string,
  units: number,
  pg: ReturnType<typeof instrumentPglite>,
  redis: {
    before: Map<string, { calls: number; usec: number }>;
    after: Map<string, { calls: number; usec: number }>;
    bytes: number;
  },
): void {
  const per = (n: number) => (n / units).toFixed(3).padStart(8);
  out(
    `PGlite WebAssembly (execProtocolRawSync): ${per(pg.wasm.count)} calls/${unit}, ${per(pg.wasm.ms)} ms/${unit}, slowest call ${pg.wasm.maxMs.toFixed(1)} ms`,
  );
  let totalSql = 0;
  let totalSqlMs = 0;
  out(`\nSQL per ${unit} (count/${unit}, ms/${unit} wall incl. PGlite's wait for its lock, slowest ms):`);
  for (const [sql, s] of [...pg.statements].sort((a, b) => b[1].ms - a[1].ms)) {
    totalSql += s.count;
    totalSqlMs += s.ms;
    out(`${per(s.count)} ${per(s.ms)} ${s.maxMs.toFixed(1).padStart(7)}  ${sql}`);
  }
  out(`${per(totalSql)} ${per(totalSqlMs)}          total`);
  out(`\nPrisma query plans compiled per ${unit} (cache misses; count/${unit}, ms/${unit}):`);
  for (const [action, c] of [...pg.compiles].sort((a, b) => b[1].ms - a[1].ms))
    out(`${per(c.count)} ${per(c.ms)}  ${action}`);
  out(`\nRedis commands per ${unit} (all clients of this Redis; count/${unit}, server µs/${unit}):`);
  let redisCalls = 0;
  for (const [name, after] of [...redis.after].sort((a, b) => b[1].usec - a[1].usec)) {
    const before = redis.before.get(name) ?? { calls: 0, usec: 0 };
    const calls = after.calls - before.calls;
    if (calls <= 0 || name === "info") continue;
    redisCalls += calls;
    out(`${per(calls)} ${per(after.usec - before.usec)}  ${name}`);
  }
  out(`${per(redisCalls)}           total; ${(redis.bytes / units).toFixed(0)} bytes/${unit} sent to Redis`);
}
