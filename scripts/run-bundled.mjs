// `node scripts/run-bundled.mjs <entry.ts> [args…]`: runs a TypeScript entry point (src/main.ts for
// `npm start`, bench/run.ts for `npm run bench`) as plain JavaScript in this process, without a
// TypeScript loader: bundle.mjs first bundles our own files with esbuild (half a second, in a child
// process), then this process imports the result. Under tsx the bot took about 100 MiB more
// resident memory: tsx's loader thread and esbuild service for the process's lifetime, and every
// transformed file kept with its source map (issue 13).
//
// Source maps are written next to the bundle but not loaded: Node would parse them, and those of
// every package that ships one, into memory. `NODE_OPTIONS=--enable-source-maps` shows TypeScript
// lines in stack traces.
//
// Plain JavaScript on purpose: this file runs before anything can compile TypeScript.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [entryArg, ...rest] = process.argv.slice(2);
if (!entryArg) {
  process.stderr.write("usage: node scripts/run-bundled.mjs <entry.ts> [args…]\n");
  process.exit(2);
}
const entry = resolve(entryArg);
const bundled = spawnSync(process.execPath, [resolve(import.meta.dirname, "bundle.mjs"), entry], {
  encoding: "utf8",
  stdio: ["ignore", "pipe", "inherit"],
});
if (bundled.status !== 0) {
  process.stderr.write(`\n无法编译 ${entryArg}（esbuild 出错，见上方信息）。\n`);
  process.exit(1);
}
process.argv = [process.argv[0] ?? "node", entry, ...rest];
await import(pathToFileURL(bundled.stdout.trim()).href);
