/**
 * The console page while Redis is away (taken by a TCP proxy between the app and the test Redis), in a
 * real browser: the page says 正在重新连接… from the stream's availability event, a send is refused
 * with the server's Chinese 503 and the text is kept, and the banner goes once Redis is back, when a
 * send works again.
 */
import { existsSync } from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../../../support/app.ts";
import { testRedisUrl } from "../../../../support/redis.ts";
import { TcpProxy } from "../../../../support/tcp-proxy.ts";

const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"];

describe("the console page while Redis is away", () => {
  const { proxy, url } = TcpProxy.forUrl(testRedisUrl());
  let app: TestApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
    await proxy.start();
    app = await startTestApp({ redisUrl: url() });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
    page = await (await browser.newContext({ locale: "zh-CN" })).newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await proxy.start();
    await app?.close();
    await proxy.stop();
  });

  const banner = () => page.locator("#reconnect-banner");

  async function say(text: string): Promise<void> {
    await page.locator("#input").fill(text);
    await page.locator("#input").press("Enter");
  }

  it("shows 正在重新连接… while Redis is away, refuses a send in Chinese, and clears once back", async () => {
    await page.goto(`${app.baseUrl}/#chat=${encodeURIComponent("私聊 张三")}`);
    await expect
      .poll(() => page.locator("#conn").getAttribute("data-state"), { timeout: 20_000 })
      .toBe("online");
    await expect.poll(() => page.locator("#chat-name").textContent()).toBe("私聊 张三");
    expect(await banner().isHidden()).toBe(true);

    await proxy.stop();
    await banner().waitFor({ state: "visible", timeout: 10_000 });
    expect(await banner().textContent()).toContain("正在重新连接…");

    await say("帮助");
    const toast = page.locator(".toast-error");
    await toast.first().waitFor({ timeout: 10_000 });
    expect(await toast.first().textContent()).toContain("正在重新连接 Redis");
    expect(await page.locator("#input").inputValue()).toBe("帮助");
    expect(await app.database.prisma.consoleMessage.count()).toBe(0);

    await proxy.start();
    await banner().waitFor({ state: "hidden", timeout: 30_000 });
    await say("帮助");
    await page.locator("#messages .msg-bot").first().waitFor({ timeout: 20_000 });
    expect(await banner().isHidden()).toBe(true);
  }, 120_000);
});
