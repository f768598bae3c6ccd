// `node scripts/bundle.mjs <entry.ts>`: bundles our own files from a TypeScript entry point with
// esbuild into `.build/<entry>/<content hash>/` and prints the path of the entry's JavaScript file.
// Packages stay external (Node loads them from node_modules as usual) and each dynamic `import()`
// becomes a chunk of its own, so what is loaded only when configured stays so. Run as a child process
// by run-bundled.mjs, so esbuild never takes memory in the bot's process.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, dirname, extname, join, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { build, stop } from "esbuild";

const ROOT = resolve(import.meta.dirname, "..");
const entryArg = process.argv[2];
if (!entryArg) {
  process.stderr.write("usage: node scripts/bundle.mjs <entry.ts>\n");
  process.exit(2);
}
const entry = resolve(entryArg);
const name = relative(ROOT, entry)
  .replace(/\.[^.]+$/, "")
  .replaceAll(sep, "-");

/**
 * Our files keep the `import.meta.url` and `import.meta.dirname` of where they are in the source tree
 * (the PGlite worker file, prisma/migrations, the console's public/ folder are found from there).
 */
const keepImportMeta = {
  name: "keep-import-meta",
  setup(builder) {
    builder.onLoad({ filter: /\.(ts|mts|js|mjs)$/ }, async (args) => {
      if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
      const text = (await readFile(args.path, "utf8"))
        .replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href))
        .replaceAll("import.meta.dirname", JSON.stringify(dirname(args.path)))
        .replaceAll("import.meta.filename", JSON.stringify(args.path));
      return { contents: text, loader: extname(args.path).endsWith("ts") ? "ts" : "js" };
    });
  },
};

const result = await build({
  entryPoints: [entry],
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  // At the depth of the folder the files end up in (below), so the source maps' paths hold.
  outdir: join(ROOT, ".build", name, "build"),
  entryNames: "[name]",
  sourcemap: "linked",
  write: false,
  logLevel: "warning",
  plugins: [keepImportMeta],
});
await stop(); // esbuild's service process is not needed any more

// Written by content hash and renamed into place, so two processes starting at once (or one
// starting while another runs) never read a half-written file.
const hash = createHash("sha256");
for (const file of result.outputFiles) hash.update(file.path).update(file.contents);
const version = hash.digest("hex").slice(0, 12);
const outdir = join(ROOT, ".build", name, version);
mkdirSync(outdir, { recursive: true });
for (const file of result.outputFiles) {
  const target = join(outdir, basename(file.path));
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, file.contents);
  renameSync(temporary, target);
}
pruneOlderBuilds(join(ROOT, ".build", name), version);

process.stdout.write(join(outdir, `${basename(entry).replace(/\.[^.]+$/, "")}.js`));

/** Removes earlier builds of this entry that nothing has used for a day. */
function pruneOlderBuilds(folder, keep) {
  const dayAgo = Date.now() - 24 * 3600 * 1000;
  for (const entry of readdirSync(folder)) {
    if (entry === keep) continue;
    const path = join(folder, entry);
    try {
      if (statSync(path).mtimeMs < dayAgo) rmSync(path, { recursive: true, force: true });
    } catch {
      // another process pruned it meanwhile
    }
  }
}
