/**
 * PGlite on a worker thread, behind the part of PGlite's interface that Prisma's PGlite adapter and
 * our migration runner use (`query`, `exec`, `transaction`, `close`). Running the database engine
 * off the main thread lets the bot's event loop answer people while queries execute; values come
 * back as PostgreSQL text and are parsed here with the caller's parsers, exactly as PGlite would.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Worker } from "node:worker_threads";
import { messages, type ParserOptions, types } from "@electric-sql/pglite";
import { memoUntilFailure } from "../memo-until-failure.ts";

interface Field {
  name: string;
  dataTypeID: number;
}

interface RawResults {
  rows: unknown[];
  fields: Field[];
  affectedRows?: number;
}

interface QueryOptions {
  rowMode?: "array" | "object";
  parsers?: ParserOptions;
}

interface ErrorReply {
  message: string;
  database: boolean;
  [field: string]: unknown;
}

type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: ErrorReply };

export interface PgliteQueryable {
  query<Row>(sql: string, params?: unknown[], options?: QueryOptions): Promise<RawResults & { rows: Row[] }>;
  exec(sql: string): Promise<RawResults[]>;
}

export interface PgliteTransaction extends PgliteQueryable {
  rollback(): Promise<void>;
}

const WORKER_FILE = new URL("./pglite-worker.mjs", import.meta.url);

/**
 * PostgreSQL settings for our PGlite (memory, issue 13). PGlite's WebAssembly heap never shrinks and
 * PostgreSQL writes its whole shared buffer pool when it starts, so initdb's 128MB is resident from
 * the first second: 16MB holds the bot's working set (a data folder is read through the OS's page
 * cache; an in-memory database keeps its files in the thread's memory anyway). The WAL is left at
 * PostgreSQL's default: bounding it to 64MB made PGlite checkpoint so often that 10,000 incidents'
 * timers ran for 15 minutes instead of under 2 (measured with `BENCH_ONLY=timers npm run bench`).
 */
export const PGLITE_SETTINGS: readonly string[] = ["shared_buffers=16MB"];

/**
 * The PGlite thread's JavaScript heap (issue 13). Its work is short-lived garbage (protocol messages
 * in, rows out), so a small young generation is enough; V8's default would let it grow to 48 MiB of
 * resident memory that it then keeps.
 */
export const PGLITE_THREAD_LIMITS = { maxYoungGenerationSizeMb: 8 } as const;

/**
 * PGlite's WebAssembly (PostgreSQL and initdb), compiled once per process and handed to every PGlite
 * thread: a thread that compiled its own would keep the compiler's memory after it ended (issue 13),
 * and a first start (initdb's thread, then the bot's) would compile PostgreSQL twice.
 */
const pgliteWasm = memoUntilFailure(async () => {
  const dist = dirname(createRequire(import.meta.url).resolve("@electric-sql/pglite"));
  const [pgliteWasmModule, initdbWasmModule] = await Promise.all(
    ["pglite.wasm", "initdb.wasm"].map(async (file) => WebAssembly.compile(await readFile(join(dist, file)))),
  );
  return { pgliteWasmModule, initdbWasmModule };
});

export class PgliteThread implements PgliteQueryable {
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private nextTx = 1;
  private exited: Error | undefined;

  private constructor(private readonly worker: Worker) {
    worker.on("message", (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.result);
      else waiting.reject(databaseError(reply.error));
    });
    const fail = (error: Error) => {
      this.exited = error;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`PGlite 线程已退出（${code}）`)));
  }

  /** Opens PGlite on a new thread: a data folder, a dump to load, or (neither) memory. */
  static async start(source: { dataDir?: string; loadDataDir?: Blob }): Promise<PgliteThread> {
    const thread = new PgliteThread(new Worker(WORKER_FILE, { resourceLimits: PGLITE_THREAD_LIMITS }));
    try {
      await thread.call({ op: "open", ...source, ...(await pgliteWasm()), settings: PGLITE_SETTINGS });
    } catch (error) {
      await thread.worker.terminate();
      throw error;
    }
    return thread;
  }

  query<Row>(sql: string, params: unknown[] = [], options: QueryOptions = {}) {
    return this.queryIn<Row>(undefined, sql, params, options);
  }

  exec(sql: string): Promise<RawResults[]> {
    return this.execIn(undefined, sql);
  }

  /** Runs `work` in one transaction: committed when it returns, rolled back when it throws. */
  async transaction<T>(work: (tx: PgliteTransaction) => Promise<T>): Promise<T> {
    const txId = this.nextTx++;
    await this.call({ op: "begin", txId });
    let over = false;
    const tx: PgliteTransaction = {
      query: <Row>(sql: string, params: unknown[] = [], options: QueryOptions = {}) =>
        this.queryIn<Row>(txId, sql, params, options),
      exec: (sql: string) => this.execIn(txId, sql),
      rollback: async () => {
        over = true;
        await this.call({ op: "rollback", txId });
      },
    };
    try {
      const result = await work(tx);
      if (!over) {
        over = true;
        await this.call({ op: "commit", txId });
      }
      return result;
    } catch (error) {
      if (!over) await this.call({ op: "rollback", txId }).catch(() => {});
      throw error;
    }
  }

  async dumpDataDir(): Promise<Blob> {
    return (await this.call({ op: "dump" })) as Blob;
  }

  async close(): Promise<void> {
    if (this.exited) return;
    await this.call({ op: "close" }).catch(() => {});
    await this.worker.terminate();
  }

  private async queryIn<Row>(
    txId: number | undefined,
    sql: string,
    params: unknown[],
    options: QueryOptions,
  ) {
    const raw = (await this.call({ op: "query", txId, sql, params, rowMode: options.rowMode })) as RawResults;
    return parsed(raw, options) as RawResults & { rows: Row[] };
  }

  private async execIn(txId: number | undefined, sql: string): Promise<RawResults[]> {
    const raw = (await this.call({ op: "exec", txId, sql })) as RawResults[];
    return raw.map((r) => parsed(r, {}));
  }

  private call(request: Record<string, unknown>): Promise<unknown> {
    if (this.exited) return Promise.reject(this.exited);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, ...request });
    });
  }
}

/** Parses the text values of a result as PGlite does: the caller's parsers first, then PGlite's. */
function parsed(raw: RawResults, options: QueryOptions): RawResults {
  const { fields } = raw;
  const parse = (text: unknown, field: Field) =>
    types.parseType(text as string | null, field.dataTypeID, options.parsers);
  const rows = raw.rows.map((row) => {
    if (Array.isArray(row)) return row.map((value, i) => parse(value, fields[i] as Field));
    const record = row as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const field of fields) out[field.name] = parse(record[field.name], field);
    return out;
  });
  return { rows, fields, affectedRows: raw.affectedRows };
}

/** The worker's error as the adapter expects it: a PGlite DatabaseError with its SQLSTATE fields. */
function databaseError(reply: ErrorReply): Error {
  const { message, database, ...fields } = reply;
  const error: Error = database
    ? new messages.DatabaseError(message, Number(fields.length ?? 0), "error")
    : new Error(message);
  Object.assign(error, fields);
  return error;
}
