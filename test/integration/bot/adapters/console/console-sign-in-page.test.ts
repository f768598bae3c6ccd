/**
 * The sign-in screen in a real browser (Debian's chromium through playwright-core) against the real
 * app in sign-in mode: ask for a code, read it where the console delivered it (the person's own
 * one-to-one chat in the database), sign in, speak only as oneself, sign out. No CSP violations.
 */
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../../../support/app.ts";
import { latestCode } from "../../../../support/console-session.ts";

const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"];

describe("console sign-in page", { timeout: 90_000 }, () => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
    app = await startTestApp({ console: { mode: "signin" } });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("signs 张三 in with a code, lets him speak only as himself, and signs him out", async () => {
    const context = await browser.newContext({ locale: "zh-CN" });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(e.message));

    await page.goto(app.baseUrl);
    await page.locator("#signin").waitFor();
    expect(await page.locator("#app").isHidden()).toBe(true);
    expect(await page.locator("#signin-feishu").isHidden()).toBe(true);
    await page.locator("#signin-who").fill("张三");
    await page.getByRole("button", { name: "发送验证码" }).click();
    await expect.poll(() => page.locator("#signin-note").textContent()).toContain("验证码已发到本人的私聊");
    await app.app.idle();
    const code = await latestCode(app.database.prisma, "zhangsan");
    await page.locator("#signin-code").fill(code ?? "");
    await page.getByRole("button", { name: "登录", exact: true }).click();

    await page.locator("#chat-list .chat-item").first().waitFor();
    const names = await page.locator("#chat-list .chat-item-name").allTextContents();
    expect(names.sort()).toEqual(["私聊 张三", "青山镇工作群"].sort());
    expect(await page.locator("#speaker option").allTextContents()).toHaveLength(1);
    expect(await page.locator("#speaker").inputValue()).toBe("zhangsan");
    await page.locator("#chat-list .chat-item", { hasText: "私聊 张三" }).click();
    await page.locator("#input").fill("帮助");
    await page.locator("#input").press("Enter");
    await page.locator("#messages .msg-bot").last().waitFor();

    await page.getByRole("button", { name: "退出登录" }).click();
    await page.locator("#signin").waitFor();
    expect(errors.filter((e) => /Content Security Policy|Refused/.test(e))).toEqual([]);
    // GET /api/console/me answers 401 before signing in and after signing out: the only errors.
    expect(errors.filter((e) => !e.includes("status of 401"))).toEqual([]);
    await context.close();
  });
});
