/**
 * The desk end to end with the real incident panel, page and documents, in a real browser against
 * the real app in sign-in mode: 李书记 signs in on the console, sees a 首报 made in chat appear on the
 * board without a reload, opens it, presses 已阅 on the web and finds the bot's answer in 县领导群 on
 * the console; downloads the incident's 信息专报 (.docx) and the 督办台账 (.xlsx).
 */
import { readFile } from "node:fs/promises";
import type { Browser, Download } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../../support/chromium.ts";
import { type DeskTestApp, startDeskApp } from "../../../support/desk-app.ts";
import {
  LAYOUTS,
  openDeskPage,
  screenshot,
  signInOnConsole,
  unexpectedErrors,
} from "../../../support/desk-browser.ts";
import { reportIncident } from "../../../support/desk-report.ts";

/** The first bytes of a zip (.docx and .xlsx are zips). */
async function isZip(download: Download): Promise<boolean> {
  const bytes = await readFile((await download.path()) ?? "");
  return bytes.subarray(0, 2).toString("latin1") === "PK";
}

describe("desk with the real incident panel", { timeout: 120_000 }, () => {
  let desk: DeskTestApp;
  let browser: Browser;

  beforeAll(async () => {
    desk = await startDeskApp({ probe: false });
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await desk?.close();
  });

  it("shows a new incident live, takes 已阅 to the chat and hands out the 专报 and the 台账", async () => {
    const { context, page, errors } = await openDeskPage(browser, LAYOUTS.desktop, { acceptDownloads: true });
    const base = desk.test.baseUrl;
    await signInOnConsole(page, desk.test, "李书记", "li-shuji");
    await page.goto(`${base}/desk`);
    await page.locator("#panel-incidents").waitFor();
    await page.locator("#conn[data-state='live']").waitFor();
    await page.evaluate(() => {
      (window as unknown as { stayed: boolean }).stayed = true;
    });

    const incident = await reportIncident(desk.test, "青山镇李家村村道");
    const row = page.locator("#panel-incidents tr.has-item", { hasText: incident.number });
    await row.waitFor();
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    expect(await row.locator(".countdown").count()).toBeGreaterThan(0);

    await row.click();
    await page.waitForURL(`${base}/desk/items/incident/${incident.id}`);
    await page.locator("h1.item-title", { hasText: incident.number }).waitFor();
    await page.locator("button[data-action='ack']").click();
    await page.locator(".action-note.ok").waitFor();
    await screenshot(page, "item-incident-1280x900");

    const report = page.waitForEvent("download");
    await page.locator("a[data-document='incident-report']").click();
    const docx = await report;
    expect(docx.suggestedFilename()).toMatch(/\.docx$/);
    expect(await isZip(docx)).toBe(true);

    await page.goto(`${base}/desk`);
    const ledger = page.waitForEvent("download");
    await page.locator("#document-task-ledger a.download").click();
    const xlsx = await ledger;
    expect(xlsx.suggestedFilename()).toMatch(/^督办台账.*\.xlsx$/);
    expect(await isZip(xlsx)).toBe(true);

    // The chat got the 已阅: the console shows the bot's answer in 县领导群.
    await desk.test.app.idle();
    await page.goto(base);
    await page.locator("#chat-list .chat-item", { hasText: "县领导群" }).click();
    await page.locator("#messages .msg-bot", { hasText: `${incident.number} 已由李书记于` }).waitFor();

    expect(errors.filter((e) => /Content Security Policy|Refused/.test(e))).toEqual([]);
    expect(unexpectedErrors(errors, ["401 /api/console/me"])).toEqual([]);
    await context.close();
  });
});
