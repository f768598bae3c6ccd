/**
 * The desk board drawn in chromium, measured by a process of its own (desk-browser-process.ts), so
 * playwright-core's memory does not count as the bot's in the desk part's peak RSS (issue 13).
 */
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import type { BrowserRender, measureBrowserRender } from "./desk-browser.ts";

const ROOT = resolve(import.meta.dirname, "..");

export function measureBrowserRenderApart(
  args: Parameters<typeof measureBrowserRender>[0],
): Promise<BrowserRender> {
  const child = spawn(
    process.execPath,
    [
      resolve(ROOT, "scripts/run-bundled.mjs"),
      resolve(ROOT, "bench/desk-browser-process.ts"),
      JSON.stringify(args),
    ],
    { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
  );
  let out = "";
  let err = "";
  child.stdout.setEncoding("utf8").on("data", (text: string) => {
    out += text;
  });
  child.stderr.setEncoding("utf8").on("data", (text: string) => {
    err += text;
  });
  return new Promise((done, fail) => {
    child.once("error", fail);
    child.once("exit", (code) =>
      code === 0
        ? done(JSON.parse(out) as BrowserRender)
        : fail(new Error(`the desk's browser measurement failed (${code}):\n${err}`)),
    );
  });
}
