/**
 * The web chat console, the page a new user sees first, driven in a real browser (Debian's chromium
 * through playwright-core) against the real application serving the sample office (config/org.yaml).
 * Only the browser's own HTTP is faked, and only in the last test, to see how a refused send is shown.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp } from "../../../../support/app.ts";
import { launchChromium } from "../../../../support/chromium.ts";

/** How long to wait for the bot's reply to arrive over the event stream. */
const REPLY_TIMEOUT_MS = 10_000;

describe("web chat console page", () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** Console errors and uncaught exceptions seen on the page. */
  const pageErrors: string[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "zh-CN" });
    page = await context.newPage();
    page.on("console", (message) => {
      if (message.type() === "error") pageErrors.push(`console: ${message.text()}`);
    });
    page.on("pageerror", (error) => pageErrors.push(`exception: ${error.message}`));
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const botMessages = () => page.locator("#messages .msg-bot");
  const myMessages = () => page.locator("#messages .msg-mine");

  /** Types into the message box and presses Enter, as a person would. */
  async function say(text: string): Promise<void> {
    const input = page.locator("#input");
    await input.fill(text);
    await input.press("Enter");
  }

  /** Waits until the chat shows more than `count` bot messages, and returns the newest. */
  async function nextBotMessage(count: number) {
    await botMessages().nth(count).waitFor({ timeout: REPLY_TIMEOUT_MS });
    return botMessages().last();
  }

  it("opens with the office's chats, groups before one-to-one chats", async () => {
    await page.goto(app.baseUrl);
    const items = page.locator("#chat-list .chat-item");
    await items.first().waitFor();
    const names = await page.locator("#chat-list .chat-item-name").allTextContents();
    expect(names).toContain("青山镇工作群");
    expect(names).toContain("县领导群");
    expect(names).toContain("私聊 张三");
    const firstDirect = names.findIndex((n) => n.startsWith("私聊 "));
    expect(firstDirect).toBeGreaterThan(0);
    expect(names.slice(firstDirect).every((n) => n.startsWith("私聊 "))).toBe(true);
    await expect.poll(() => page.locator("#conn").getAttribute("data-state")).toBe("online");
  });

  it("opens 青山镇工作群 speaking as one of its members, then as 张三", async () => {
    await page.locator("#chat-list .chat-item", { hasText: "青山镇工作群" }).click();
    await expect.poll(() => page.locator("#chat-name").textContent()).toBe("青山镇工作群");
    expect(await page.locator("#chat-members").textContent()).toContain("张三");

    const defaultSpeaker = await page.locator("#speaker option:checked").textContent();
    const members = ["张三", "钱镇长", "孙值班"];
    expect(members.some((name) => defaultSpeaker?.startsWith(name))).toBe(true);

    await page.locator("#speaker").selectOption("zhangsan");
    const speaker = await page.locator("#speaker option:checked").textContent();
    expect(speaker).toMatch(/^张三 · 青山镇/);
  });

  it("sends 帮助 with Enter and shows the bot's help text", async () => {
    const before = await botMessages().count();
    const mineBefore = await myMessages().count();
    // In a group the bot hears what @-mentions it.
    await say("@快报助手 帮助");

    await myMessages().nth(mineBefore).waitFor();
    expect(await myMessages().last().locator(".bubble").textContent()).toBe("@快报助手 帮助");
    await expect.poll(() => page.locator("#input").inputValue()).toBe("");

    const reply = await nextBotMessage(before);
    expect(await reply.locator(".msg-name").textContent()).toBe("快报助手");
    expect((await reply.locator(".msg-body").textContent())?.trim().length).toBeGreaterThan(10);
    expect(await reply.locator(".msg-time").textContent()).toMatch(/^\d{2}:\d{2}$/);
  });

  it("answers @快报助手 /登记, and a card's button can be pressed as the current speaker", async () => {
    let before = await botMessages().count();
    // In a group a command goes to the bot with an @-mention; the quick-insert button writes it.
    await page.locator("#mention-bot").click();
    await page.keyboard.type("/登记");
    expect(await page.locator("#input").inputValue()).toBe("@快报助手 /登记");
    await page.locator("#input").press("Enter");
    await myMessages().filter({ hasText: "/登记" }).first().waitFor();
    expect(await myMessages().last().locator(".mention").textContent()).toBe("@快报助手");
    let reply = await nextBotMessage(before);
    expect((await reply.locator(".msg-body").textContent())?.trim()).not.toBe("");

    // The registration dialog asks a few things by text, then offers a choice as a card with buttons;
    // 跳过 keeps what the org file says.
    for (let step = 0; step < 3 && (await reply.locator(".card-button").count()) === 0; step++) {
      before = await botMessages().count();
      await say("跳过");
      reply = await nextBotMessage(before);
    }
    const buttons = reply.locator(".card-button");
    expect(await buttons.count()).toBeGreaterThan(0);
    expect((await reply.locator(".card-head").textContent())?.trim()).not.toBe("");

    before = await botMessages().count();
    await buttons.first().click();
    await nextBotMessage(before);
    expect(await page.locator(".toast-error").count()).toBe(0);

    const shot = process.env.KUAIBAO_CONSOLE_SCREENSHOT;
    if (shot) await page.screenshot({ path: shot });
  });

  it("keeps the chat and its history after a reload", async () => {
    const before = await page.locator("#messages .msg").count();
    const texts = await page.locator("#messages .msg-mine .bubble").allTextContents();
    await page.reload();
    await expect.poll(() => page.locator("#chat-name").textContent()).toBe("青山镇工作群");
    await expect.poll(() => page.locator("#messages .msg").count()).toBeGreaterThanOrEqual(before);
    expect(await page.locator("#messages .msg-mine .bubble").allTextContents()).toEqual(texts);
    expect(texts).toContain("@快报助手 帮助");
    expect(texts).toContain("@快报助手 /登记");
    expect(await page.locator("#messages .card").count()).toBeGreaterThan(0);
    expect(await page.locator("#speaker").inputValue()).toBe("zhangsan");
  });

  it("fits a phone: the chat list and the chat take turns", async () => {
    await page.setViewportSize({ width: 390, height: 780 });
    await expect.poll(() => page.locator("#back").isVisible()).toBe(true);
    expect(await page.locator(".sidebar").isVisible()).toBe(false);
    await page.locator("#back").click();
    expect(await page.locator(".sidebar").isVisible()).toBe(true);
    expect(await page.locator("#chat").isVisible()).toBe(false);
    await page.locator("#chat-list .chat-item", { hasText: "青山镇工作群" }).click();
    expect(await page.locator("#input").isVisible()).toBe(true);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it("has logged no errors on the page", () => {
    expect(pageErrors).toEqual([]);
  });

  it("shows the server's reason in Chinese when a send is refused, and keeps the text", async () => {
    await page.route("**/api/console/messages", (route) =>
      route.request().method() === "POST"
        ? route.fulfill({
            status: 403,
            contentType: "application/json",
            body: JSON.stringify({ error: "你不在这个群里，不能在这里发言。", field: "text" }),
          })
        : route.fallback(),
    );
    await say("这条会被拒绝");
    const toast = page.locator(".toast-error");
    await toast.first().waitFor();
    expect(await toast.first().textContent()).toContain("你不在这个群里，不能在这里发言。");
    expect(await page.locator("#input").inputValue()).toBe("这条会被拒绝");
    expect(await page.locator("#input").getAttribute("class")).toContain("invalid");
    await page.unroute("**/api/console/messages");
  });

  it("marks urgent messages with a red 【加急】 badge and 加急：<names>", async () => {
    // A report whose casualties suggest 较大 (urgent by policy; the summary comes at once), filed
    // through the console API the way a script would.
    const post = (text: string) =>
      fetch(`${app.baseUrl}/api/console/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: app.baseUrl },
        body: JSON.stringify({ chat: "青山镇工作群", sender: "张三", text }),
      });
    await post(
      "@快报助手 上报 刚才青山镇李家村村道发生一起两车相撞事故，造成3人死亡、5人受伤，镇长已带队赶赴现场。现场负责人：钱镇长，电话13800000042。",
    );
    await post("确认");
    await page.locator(`#chat-list .chat-item[data-chat-id="duty"]`).click();
    const badge = page.locator("#messages .msg-urgent .urgent-badge");
    await badge.first().waitFor({ timeout: REPLY_TIMEOUT_MS });
    expect(await badge.first().textContent()).toBe("【加急】");
    const to = await page.locator("#messages .msg-urgent .urgent-to").first().textContent();
    expect(to).toContain("加急：");
    expect(to).toContain("孙值班");
    expect(await page.locator("#messages .msg-urgent .card").first().textContent()).toContain("【较大】");
  });

  it("draws a card's chart: 统计 as bars, 日报 as a line, one mark per value", async () => {
    // After the 较大 report above: 青山镇 has one on-time first report this month, nobody owes 零报告 yet.
    const errorsBefore = pageErrors.length;
    const post = (text: string) =>
      fetch(`${app.baseUrl}/api/console/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: app.baseUrl },
        body: JSON.stringify({ chat: "县领导群", sender: "李书记", text }),
      });
    await post("@快报助手 统计 本月");
    await page.locator(`#chat-list .chat-item[data-chat-id="leaders"]`).click();
    const bars = page.locator("#messages .card-chart rect.chart-mark");
    await bars.first().waitFor({ timeout: REPLY_TIMEOUT_MS });
    const marks = await bars.evaluateAll((nodes) =>
      nodes.map((n) => [
        n.getAttribute("data-series"),
        n.getAttribute("data-category"),
        n.getAttribute("data-value"),
      ]),
    );
    expect(marks).toEqual([["首报按时率", "青山镇", "100"]]);
    const chart = page.locator("#messages .card-chart").last();
    expect(await chart.locator(".chart-title").textContent()).toBe("各单位按时率");
    expect(await chart.locator(".chart-value").allTextContents()).toEqual(["100%"]);
    expect(await chart.getAttribute("aria-label")).toBe("各单位按时率");

    await post("@快报助手 日报");
    const points = page.locator("#messages .card-chart circle.chart-mark");
    await points.first().waitFor({ timeout: REPLY_TIMEOUT_MS });
    expect(await points.count()).toBe(7);
    const values = await points.evaluateAll((nodes) =>
      nodes.map((n) => Number(n.getAttribute("data-value"))),
    );
    expect(values.reduce((a, b) => a + b, 0)).toBe(1);
    expect(values.at(-1)).toBe(1);
    expect(await page.locator("#messages .card-chart polyline").count()).toBe(1);
    // Incidents are counted in whole numbers: the value axis never reads 0.5 (or 0.3) of one.
    const ticks = await page
      .locator("#messages .card-chart")
      .last()
      .locator('text.chart-axis[text-anchor="end"]')
      .allTextContents();
    expect(ticks.length).toBeGreaterThan(1);
    expect(
      ticks.every((t) => /^\d+$/.test(t)),
      ticks.join(" "),
    ).toBe(true);
    expect(pageErrors.slice(errorsBefore)).toEqual([]);
  });
});
