/**
 * The desk in a real browser: Debian's chromium at one of the three layouts, signing in through
 * the console's own sign-in form (the code read where the console delivers it), page errors and
 * CSP refusals collected, screenshots kept under test-artifacts/desk/ (not committed).
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { ROOT, type TestApp } from "./app.ts";
import { latestCode } from "./console-session.ts";

export const LAYOUTS = {
  desktop: { width: 1280, height: 900 },
  wall: { width: 1920, height: 1080 },
  phone: { width: 390, height: 844 },
} as const;

export const ARTIFACTS = join(ROOT, "test-artifacts", "desk");

export interface DeskPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors so far. */
  errors: string[];
}

export async function openDeskPage(
  browser: Browser,
  viewport: { width: number; height: number },
  options: { acceptDownloads?: boolean; isMobile?: boolean } = {},
): Promise<DeskPage> {
  const context = await browser.newContext({
    viewport,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    acceptDownloads: options.acceptDownloads ?? false,
    isMobile: options.isMobile,
    hasTouch: options.isMobile,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("response", (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${new URL(r.url()).pathname}`);
  });
  return { context, page, errors };
}

/** Signs in on the console's sign-in form as `name` (person `personId`); the session is the browser's. */
export async function signInOnConsole(
  page: Page,
  test: TestApp,
  name: string,
  personId: string,
): Promise<void> {
  await page.goto(test.baseUrl);
  await page.locator("#signin").waitFor();
  await page.locator("#signin-who").fill(name);
  await page.getByRole("button", { name: "发送验证码" }).click();
  await page.locator("#signin-note").filter({ hasText: "验证码已发到本人的私聊" }).waitFor();
  await test.app.idle();
  const code = await latestCode(test.database.prisma, personId);
  await page.locator("#signin-code").fill(code ?? "");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await page.locator("#chat-list .chat-item").first().waitFor();
}

/**
 * Errors besides the failed requests a test expects (`expected`, e.g. `401 /desk/api/viewer`);
 * the browser's own "Failed to load resource" lines are left out, their requests are listed.
 */
export function unexpectedErrors(errors: readonly string[], expected: readonly string[] = []): string[] {
  return errors.filter((e) => !e.startsWith("Failed to load resource") && !expected.includes(e));
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}
