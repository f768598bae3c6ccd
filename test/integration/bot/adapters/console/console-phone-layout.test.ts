/**
 * The console page on a 390 px phone, in a real browser: a chat whose last message is a long
 * Chinese text must not widen the chat list or the page (no sideways scrolling); the preview is cut
 * with an ellipsis on one line, and the unread badges and the connection state stay on screen. The
 * chat list comes first; an opened chat fills the screen with a way back.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestApp } from "../../../../support/app.ts";
import { type ConsolePage, openConsolePage, postConsoleMessage } from "../../../../support/chromium.ts";

const PHONE = { width: 390, height: 844 };
const LONG_TEXT = "青山镇李家村村道发生一起两车相撞事故现场正在处置".repeat(9).slice(0, 200);

describe("the console page on a phone", () => {
  let opened: ConsolePage | undefined;
  let app: TestApp;
  let page: Page;

  beforeAll(async () => {
    opened = await openConsolePage(PHONE);
    ({ app, page } = opened);
  }, 120_000);

  afterAll(async () => {
    await opened?.close();
  });

  /** Says `text` in a chat through the console API, as a script would. */
  const post = (chat: string, sender: string, text: string) =>
    postConsoleMessage(app.baseUrl, chat, sender, text);

  const inViewport = async (selector: string) => {
    const box = await page.locator(selector).first().boundingBox();
    expect(box, selector).not.toBeNull();
    const { x, y, width, height } = box as NonNullable<typeof box>;
    return x >= 0 && y >= 0 && x + width <= PHONE.width && y + height <= PHONE.height;
  };

  it("keeps a long preview on one cut line, with badges and the connection state in view", async () => {
    expect(LONG_TEXT).toHaveLength(200);
    await page.goto(app.baseUrl);
    await expect
      .poll(() => page.locator("#conn").getAttribute("data-state"), { timeout: 20_000 })
      .toBe("online");
    // The chat list first on a phone, with nothing opened over it.
    expect(await page.locator(".sidebar").isVisible()).toBe(true);
    expect(await page.locator("#chat").isVisible()).toBe(false);

    // Two new messages arrive live in chats not open: both get an unread badge and a long preview.
    await post("青山镇工作群", "张三", LONG_TEXT);
    await post("白水乡工作群", "李四", LONG_TEXT);
    const badges = page.locator("#chat-list .badge");
    await expect.poll(() => badges.count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);

    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    const listWidth = await page.locator("#chat-list").evaluate((n) => n.getBoundingClientRect().width);
    expect(listWidth).toBeLessThanOrEqual(PHONE.width);

    // Read in one step inside the page: the list is redrawn as events arrive, and a node taken in one
    // step may be gone by the next (a detached node has no computed style).
    const previewSelector = `#chat-list .chat-item[data-chat-id="qingshan-work"] .chat-item-sub`;
    const cut = await page.evaluate((selector) => {
      const n = document.querySelector(selector) as HTMLElement;
      const style = getComputedStyle(n);
      return {
        text: n.textContent ?? "",
        ellipsis: style.textOverflow,
        oneLine: style.whiteSpace,
        overflows: n.scrollWidth > n.clientWidth,
        height: n.getBoundingClientRect().height,
        lineHeight: Number.parseFloat(style.lineHeight),
      };
    }, previewSelector);
    expect(cut.text).toContain(LONG_TEXT);
    expect(cut.ellipsis).toBe("ellipsis");
    expect(cut.oneLine).toBe("nowrap");
    expect(cut.overflows).toBe(true);
    expect(cut.height).toBeLessThanOrEqual(cut.lineHeight * 1.5);

    for (const i of [0, 1]) {
      const box = await badges.nth(i).boundingBox();
      expect(box).not.toBeNull();
      expect((box?.x ?? -1) + (box?.width ?? 0)).toBeLessThanOrEqual(PHONE.width);
      expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
    }
    expect(await inViewport("#conn")).toBe(true);
    expect(await inViewport("#conn .conn-text")).toBe(true);
  });

  it("opens a chat over the whole screen, without sideways scrolling, and goes back to the list", async () => {
    await page.locator(`#chat-list .chat-item[data-chat-id="qingshan-work"]`).click();
    await page.locator("#messages .msg").filter({ hasText: LONG_TEXT }).first().waitFor();
    expect(await page.locator(".sidebar").isVisible()).toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await inViewport("#back")).toBe(true);
    expect(await inViewport("#input")).toBe(true);
    expect(await inViewport("#send")).toBe(true);

    await page.locator("#back").click();
    expect(await page.locator(".sidebar").isVisible()).toBe(true);
    expect(await page.locator(`#chat-list .chat-item[data-chat-id="qingshan-work"] .badge`).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });

  it("keeps the desktop layout: the list beside the chat", async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.locator(`#chat-list .chat-item[data-chat-id="qingshan-work"]`).click();
    expect(await page.locator(".sidebar").isVisible()).toBe(true);
    expect(await page.locator("#chat").isVisible()).toBe(true);
    const sidebar = await page.locator(".sidebar").boundingBox();
    expect(sidebar?.width).toBe(288);
    expect(await page.locator("#back").isVisible()).toBe(false);
    await page.setViewportSize(PHONE);
  });
});
