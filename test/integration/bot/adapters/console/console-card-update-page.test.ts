/**
 * A card the bot has since updated, in a real browser: once a leader presses 已阅 on an alert, the
 * alert card in every chat shows who acknowledged it and no live 已阅 button any more, as Feishu
 * edits its card in place — live over the page's event stream, and still after a reload.
 */
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { TestApp } from "../../../../support/app.ts";
import { postConsoleMessage, useConsolePage } from "../../../../support/chromium.ts";

/** Generous: the machine may be busy with other test runs. */
const REPLY_TIMEOUT_MS = 20_000;

describe("an acknowledged alert card in the console page", () => {
  let app: TestApp;
  let page: Page;
  useConsolePage({ width: 1280, height: 800 }, (opened) => {
    ({ app, page } = opened);
  });

  /** Says `text` in a chat through the console API, as a script would. */
  const post = (chat: string, sender: string, text: string) =>
    postConsoleMessage(app.baseUrl, chat, sender, text);

  /** The alert card of 2026-0001 in the open chat. */
  const alert = (): Locator =>
    page
      .locator("#messages .msg-card")
      .filter({ hasText: "2026-0001" })
      .filter({ hasText: "【较大】" })
      .first();
  const liveButtons = (card: Locator, label: string) =>
    card.locator(".card-button:not([disabled])", { hasText: label });

  it("drops the 已阅 button and shows who acknowledged, live and after a reload", async () => {
    await page.goto(`${app.baseUrl}/#chat=leaders`);
    await expect
      .poll(() => page.locator("#conn").getAttribute("data-state"), { timeout: REPLY_TIMEOUT_MS })
      .toBe("online");
    await page.locator("#speaker").selectOption("li-shuji");

    await post(
      "青山镇工作群",
      "张三",
      "@快报助手 上报 刚才青山镇李家村村道发生一起两车相撞事故，造成3人死亡、5人受伤，镇长已带队赶赴现场。现场负责人：钱镇长，电话13800000042。",
    );
    await post("青山镇工作群", "张三", "确认");
    await alert().waitFor({ timeout: REPLY_TIMEOUT_MS });
    const alertId = await alert().getAttribute("data-id");
    expect(await liveButtons(alert(), "已阅").count()).toBe(1);

    await liveButtons(alert(), "已阅").click();
    await page.locator("#messages .msg-bot").filter({ hasText: "已由李书记" }).first().waitFor({
      timeout: REPLY_TIMEOUT_MS,
    });
    const card = page.locator(`#messages .msg[data-id="${alertId}"]`);
    await expect.poll(() => liveButtons(card, "已阅").count(), { timeout: REPLY_TIMEOUT_MS }).toBe(0);
    expect(await card.locator(".card-fields").textContent()).toMatch(
      /已阅：李书记（\d{4}-\d{2}-\d{2} \d{2}:\d{2}）/,
    );

    await page.reload();
    await page.locator(`#messages .msg[data-id="${alertId}"]`).waitFor({ timeout: REPLY_TIMEOUT_MS });
    expect(await liveButtons(card, "已阅").count()).toBe(0);
    expect(await card.locator(".card-fields").textContent()).toContain("已阅：李书记");
  });

  it("updates the same alert in the duty chat, and pressing a stale 已阅 there is refused", async () => {
    await page.locator(`#chat-list .chat-item[data-chat-id="duty"]`).click();
    await alert().waitFor({ timeout: REPLY_TIMEOUT_MS });
    expect(await liveButtons(alert(), "已阅").count()).toBe(0);
    expect(await alert().locator(".card-fields").textContent()).toContain("已阅：李书记");

    const alertId = Number(await alert().getAttribute("data-id"));
    const pressed = await fetch(`${app.baseUrl}/api/console/actions`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: app.baseUrl },
      body: JSON.stringify({ chat: "duty", sender: "孙值班", messageId: alertId, action: "已阅" }),
    });
    expect(pressed.status).toBe(400);
  });
});
