/**
 * vitest global setup of the browser tests (project "browser" in vitest.config.ts): Debian's
 * chromium and a CJK font for the page's Chinese, installed with apt-get when missing and allowed
 * (see `system-packages.ts`). Runs only when a browser test is part of the run.
 */
import { chromiumNeed, cjkFontNeed, ensureSystemPackages } from "./system-packages.ts";

export default async function setup(): Promise<void> {
  await ensureSystemPackages([chromiumNeed, cjkFontNeed], (msg) => console.log(`[test setup] ${msg}`));
}
