/** Debian's chromium (installed by browser-setup.ts) launched headless for the browser tests. */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { startTestApp, type TestApp } from "./app.ts";
import { launchChromium } from "./chromium-launch.ts";

export { CHROMIUM, launchChromium } from "./chromium-launch.ts";

/** Says `text` in a chat through the console's API, as a script would (demo mode: no sign-in). */
export function postConsoleMessage(baseUrl: string, chat: string, sender: string, text: string) {
  return fetch(`${baseUrl}/api/console/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ chat, sender, text }),
  });
}

/** The test app serving the console, and one page of it open in chromium at `viewport`. */
export interface ConsolePage {
  app: TestApp;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

export async function openConsolePage(viewport: { width: number; height: number }): Promise<ConsolePage> {
  const app = await startTestApp();
  const browser = await launchChromium();
  const page = await (await browser.newContext({ viewport, locale: "zh-CN" })).newPage();
  return {
    app,
    browser,
    page,
    async close() {
      await browser.close();
      await app.close();
    },
  };
}

/**
 * For the calling `describe`: one console page opened before its tests (handed to `opened`, which
 * keeps what it needs) and closed after them.
 */
export function useConsolePage(
  viewport: { width: number; height: number },
  opened: (consolePage: ConsolePage) => void,
): void {
  let current: ConsolePage | undefined;
  beforeAll(async () => {
    current = await openConsolePage(viewport);
    opened(current);
  }, 120_000);
  afterAll(async () => {
    await current?.close();
  });
}
