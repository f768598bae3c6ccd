// The PGlite of a data folder, run on a worker thread so its query work does not hold up the
// bot's event loop. Plain JavaScript: worker threads are started without the TypeScript loader.
// Protocol (see pglite-thread.ts): requests { id, op, ... } → replies { id, ok, result | error }.
import { parentPort } from "node:worker_threads";
import { messages, PGlite, types } from "@electric-sql/pglite";

// Every value comes back as PostgreSQL's text (types without a default parser already do): the
// main thread parses it with the caller's parsers.
const RAW = Object.fromEntries(Object.keys(types.parsers).map((oid) => [oid, (text) => text]));

const transactions = new Map();
let pglite;

function errorOf(error) {
  const out = { message: error instanceof Error ? error.message : String(error), name: error?.name };
  for (const key of [
    "code",
    "detail",
    "hint",
    "position",
    "internalPosition",
    "internalQuery",
    "where",
    "schema",
    "table",
    "column",
    "dataType",
    "constraint",
    "file",
    "line",
    "routine",
    "severity",
    "length",
  ])
    if (error && error[key] !== undefined) out[key] = error[key];
  out.database = error instanceof messages.DatabaseError;
  return out;
}

function queryable(txId) {
  if (txId === undefined) return pglite;
  const tx = transactions.get(txId);
  if (!tx) throw new Error(`transaction ${txId} is over`);
  return tx.tx;
}

async function handle(message) {
  switch (message.op) {
    case "open":
      pglite = await PGlite.create({
        ...(message.loadDataDir
          ? { loadDataDir: message.loadDataDir }
          : message.dataDir
            ? { dataDir: message.dataDir }
            : {}),
        pgliteWasmModule: message.pgliteWasmModule,
        initdbWasmModule: message.initdbWasmModule,
        startParams: [...PGlite.defaultStartParams, ...message.settings.flatMap((s) => ["-c", s])],
      });
      return null;
    case "query": {
      const result = await queryable(message.txId).query(message.sql, message.params, {
        rowMode: message.rowMode,
        parsers: RAW,
      });
      return { rows: result.rows, fields: result.fields, affectedRows: result.affectedRows };
    }
    case "exec": {
      const results = await queryable(message.txId).exec(message.sql, { parsers: RAW });
      return results.map((r) => ({ rows: r.rows, fields: r.fields, affectedRows: r.affectedRows }));
    }
    case "begin":
      return new Promise((began, failedToBegin) => {
        const entry = {};
        transactions.set(message.txId, entry);
        entry.done = pglite.transaction(
          (tx) =>
            new Promise((finish) => {
              entry.tx = tx;
              entry.finish = finish;
              began(null);
            }),
        );
        entry.done.then(
          () => transactions.delete(message.txId),
          (error) => {
            transactions.delete(message.txId);
            failedToBegin(error); // no effect once begun: the commit reports it
          },
        );
      });
    case "commit":
    case "rollback": {
      const entry = transactions.get(message.txId);
      if (!entry?.tx) throw new Error(`transaction ${message.txId} is over`);
      if (message.op === "rollback") await entry.tx.rollback();
      entry.finish();
      await entry.done;
      return null;
    }
    case "dump":
      return pglite.dumpDataDir("none");
    case "close":
      await pglite?.close();
      return null;
    default:
      throw new Error(`unknown op ${message.op}`);
  }
}

parentPort.on("message", (message) => {
  handle(message).then(
    (result) => parentPort.postMessage({ id: message.id, ok: true, result }),
    (error) => parentPort.postMessage({ id: message.id, ok: false, error: errorOf(error) }),
  );
});
