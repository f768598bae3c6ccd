/** Debian's chromium (installed by browser-setup.ts) launched headless for the browser tests. */
import { existsSync } from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";
import { startTestApp, type TestApp } from "./app.ts";

export const CHROMIUM = "/usr/bin/chromium";

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

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
