/**
 * Summarises a .cpuprofile (from BENCH_PROFILE=1 or `node --cpu-prof`): self time by package or
 * source folder, the hottest functions, and total (inclusive) time of the functions that most
 * often sit on the stack. Usage: `npx tsx bench/profile-summary.ts <file.cpuprofile> [top]`.
 */
import { readFile } from "node:fs/promises";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

function area(url: string): string {
  if (!url) return "(native/V8)";
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const rest = url.slice(modules + "node_modules/".length).split("/");
    return rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  if (url.startsWith("node:")) return url;
  const src = url.indexOf("/src/");
  if (src >= 0) return url.slice(src + 1).replace(/\/[^/]*$/, "/");
  const bench = url.indexOf("/bench/");
  if (bench >= 0) return "bench/";
  return url;
}

function label(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.replace(/^.*node_modules\//, "").replace(/^.*\/(src|bench)\//, "$1/");
  return `${functionName || "(anonymous)"} ${file ? `${file}:${lineNumber + 1}` : ""}`.trim();
}

/** The layer a sample belongs to: the lowest-level library on its stack (PGlite under Prisma, say). */
const LAYERS: [string, (url: string) => boolean][] = [
  [
    "PGlite (JS + Postgres WebAssembly)",
    (u) => u.includes("@electric-sql/pglite") || u.includes("pglite-prisma-adapter"),
  ],
  ["Prisma client (JS + query compiler WebAssembly)", (u) => u.includes("@prisma/")],
  ["BullMQ", (u) => u.includes("/bullmq/")],
  ["ioredis + sockets", (u) => u.includes("/ioredis/") || u === "node:net"],
  ["pino", (u) => u.includes("/pino")],
  ["zod", (u) => u.includes("/zod/")],
  ["app (src/)", (u) => u.includes("/src/")],
  ["bench (load generator)", (u) => u.includes("/bench/")],
];

function layerOf(stackUrls: string[]): string {
  for (const [name, test] of LAYERS) if (stackUrls.some(test)) return name;
  return "other (Node internals, microtask plumbing)";
}

async function main(): Promise<void> {
  const [file, topArg] = process.argv.slice(2);
  if (!file) throw new Error("usage: tsx bench/profile-summary.ts <file.cpuprofile> [top]");
  const top = Number(topArg ?? 25);
  const profile = JSON.parse(await readFile(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const totalUs = profile.endTime - profile.startTime;
  let idleUs = 0;
  const byArea = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const byLayer = new Map<string, number>();
  for (const [id, us] of self) {
    const node = byId.get(id) as ProfileNode;
    const name = node.callFrame.functionName;
    if (name === "(idle)") {
      idleUs += us;
      continue;
    }
    const key = name === "(garbage collector)" || name === "(program)" ? name : area(node.callFrame.url);
    const urls: string[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at))
      urls.push((byId.get(at) as ProfileNode).callFrame.url);
    const layer = name === "(garbage collector)" ? "garbage collector" : layerOf(urls);
    byLayer.set(layer, (byLayer.get(layer) ?? 0) + us);
    byArea.set(key, (byArea.get(key) ?? 0) + us);
    byFunction.set(label(node), (byFunction.get(label(node)) ?? 0) + us);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const l = label(byId.get(at) as ProfileNode);
      if (seen.has(l)) continue;
      seen.add(l);
      inclusive.set(l, (inclusive.get(l) ?? 0) + us);
    }
  }
  const ms = (us: number) => (us / 1000).toFixed(0).padStart(7);
  const pct = (us: number) => `${((us / totalUs) * 100).toFixed(1).padStart(5)}%`;
  const print = (title: string, rows: Map<string, number>, n: number) => {
    process.stdout.write(`\n${title}\n`);
    for (const [k, us] of [...rows].sort((a, b) => b[1] - a[1]).slice(0, n))
      process.stdout.write(`${ms(us)} ms ${pct(us)}  ${k}\n`);
  };
  process.stdout.write(
    `profile ${file}: ${(totalUs / 1e6).toFixed(1)} s wall, busy ${pct(totalUs - idleUs)}, idle ${pct(idleUs)}\n`,
  );
  print("time by layer (lowest library on the stack)", byLayer, top);
  print("self time by area", byArea, top);
  print("self time by function", byFunction, top);
  print("total time (function and what it calls)", inclusive, top * 2);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
