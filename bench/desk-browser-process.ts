/**
 * `scripts/run-bundled.mjs bench/desk-browser-process.ts '<arguments as JSON>'`: the desk board drawn
 * in chromium (desk-browser.ts), from a process of its own, its figures printed as JSON. The browser's
 * driver is the desk's user, not the bot: playwright-core alone adds about 75 MiB to a process.
 */
import { measureBrowserRender } from "./desk-browser.ts";

const args = JSON.parse(process.argv[2] ?? "null") as Parameters<typeof measureBrowserRender>[0];
process.stdout.write(JSON.stringify(await measureBrowserRender(args)));
