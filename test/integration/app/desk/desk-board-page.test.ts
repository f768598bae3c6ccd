/**
 * The desk page in a real browser against the real app in sign-in mode, with the test probe's
 * panel and pages: the sign-in link when signed out, signing in on the console, a new row appearing
 * on the board without a reload after a chat event, 已阅 pressed on an item page reaching the chat
 * (the console shows the bot's answer there), a document downloaded with its Chinese name, and no
 * CSP refusal or script error.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../../support/chromium.ts";
import { type DeskTestApp, startDeskApp } from "../../../support/desk-app.ts";
import { LAYOUTS, openDeskPage, signInOnConsole, unexpectedErrors } from "../../../support/desk-browser.ts";
import { PROBE_TEXTS } from "../../../support/desk-probe.ts";
import { TINY_PNG } from "../../../support/tiny-png.ts";

describe("desk page (probe panels)", { timeout: 90_000 }, () => {
  let desk: DeskTestApp;
  let browser: Browser;

  beforeAll(async () => {
    desk = await startDeskApp();
    const stored = await desk.test.app.services.files?.put(TINY_PNG, {
      name: "现场.png",
      mimeType: "image/png",
    });
    desk.probe.photoKey = stored?.key ?? "none";
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await desk?.close();
  });

  it("signs in, sees a row appear live, presses 已阅 and downloads a document", async () => {
    const { context, page, errors } = await openDeskPage(browser, LAYOUTS.desktop, { acceptDownloads: true });
    const base = desk.test.baseUrl;
    await page.goto(`${base}/desk`);
    const link = page.locator("#sign-in-link");
    await link.waitFor();
    expect(await link.getAttribute("href")).toBe("/");

    await signInOnConsole(page, desk.test, "李书记", "li-shuji");
    await page.goto(`${base}/desk`);
    await page.locator("#panel-probe").waitFor();
    expect(await page.locator("#me").textContent()).toContain("李书记");
    await page.locator("#conn[data-state='live']").waitFor();
    await page.locator("#chart-probe-chart svg").waitFor();
    expect(await page.locator("#panel-probe a.tel").getAttribute("href")).toBe("tel:13800000011");

    // A chat event is handled: the board fetches itself again, no reload.
    await page.evaluate(() => {
      (window as unknown as { stayed: boolean }).stayed = true;
    });
    desk.probe.rows.push("白水乡森林火情");
    await desk.test.app.inbox.say("baishui-work", "lisi", "@快报助手 帮助");
    const row = page.locator("#panel-probe tr.has-item", { hasText: "白水乡森林火情" });
    await row.waitFor();
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    expect(await row.locator(".countdown").textContent()).toMatch(/^剩\d+分\d\d秒$/);

    await row.click();
    await page.waitForURL(`${base}/desk/items/probe/p-1`);
    await page.locator("h1.item-title", { hasText: "p-1 探针事项" }).waitFor();
    await expect
      .poll(() => page.locator("img[alt='现场.png']").evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBe(1);

    // 批注 asks for words first; 已阅 goes to the leaders' group as 李书记.
    await page.locator("button[data-action='note']").click();
    await page.locator(".action-note.error", { hasText: "请填写批注内容" }).waitFor();
    await page.locator("button[data-action='ack']").click();
    await page.locator(".action-note.ok").waitFor();
    await desk.test.app.idle();

    // A live update while 批注 is half typed keeps what was typed; then it is said in the chat.
    const box = page.locator("textarea[data-keep='action-note']");
    await box.fill("请速核实");
    const loaded = await page.locator("#main").getAttribute("data-loaded");
    await desk.test.app.inbox.say("baishui-work", "lisi", "@快报助手 帮助");
    await page.waitForFunction(
      (before) => document.getElementById("main")?.dataset.loaded !== before,
      loaded,
    );
    expect(await box.inputValue()).toBe("请速核实");
    // The 已阅 above left its own success note on the page: wait for this action's answer instead.
    const noted = page.waitForResponse(
      (r) => r.url().endsWith("/actions/note") && r.request().method() === "POST",
    );
    await page.locator("button[data-action='note']").click();
    expect((await noted).status()).toBe(200);
    await desk.test.app.idle();
    const said = (await desk.test.app.history.list("leaders", 0)).map((m) => m.text);
    expect(said).toContain("@快报助手 批注 p-1 请速核实");
    expect(said).toContain(PROBE_TEXTS.noted("请速核实"));

    const download = page.waitForEvent("download");
    await page.locator("a[data-document='probe-sheet']").click();
    expect((await download).suggestedFilename()).toBe(PROBE_TEXTS.fileName);

    // The chat got it: the console shows the bot's answer in 县领导群.
    await page.goto(base);
    await page.locator("#chat-list .chat-item", { hasText: "县领导群" }).click();
    await page.locator("#messages .msg-bot", { hasText: PROBE_TEXTS.pressed("李书记") }).waitFor();

    expect(errors.filter((e) => /Content Security Policy|Refused/.test(e))).toEqual([]);
    expect(
      unexpectedErrors(errors, ["401 /api/console/me", "400 /desk/api/items/probe/p-1/actions/note"]),
    ).toEqual([]);
    await context.close();
  });
});
