/**
 * A scene photo from the console page, in a real browser: during a 首报 the reporter picks a photo
 * with the 📎 button, the bot says it is kept with the report, and once the report is confirmed the
 * alert in the leaders' group shows it as a thumbnail that loads (served to a reader of the chat).
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { TestApp } from "../../../../support/app.ts";
import { postConsoleMessage, useConsolePage } from "../../../../support/chromium.ts";
import { TINY_PNG } from "../../../../support/tiny-png.ts";

const REPLY_TIMEOUT_MS = 20_000;

describe("a photo uploaded in the console page", () => {
  let app: TestApp;
  let page: Page;
  useConsolePage({ width: 1280, height: 800 }, (opened) => {
    ({ app, page } = opened);
  });

  const post = (text: string) => postConsoleMessage(app.baseUrl, "青山镇工作群", "张三", text);

  it("goes with the 首报 and shows in the leaders' group with the alert", { timeout: 90_000 }, async () => {
    await page.goto(`${app.baseUrl}/#chat=qingshan-work`);
    await expect
      .poll(() => page.locator("#conn").getAttribute("data-state"), { timeout: REPLY_TIMEOUT_MS })
      .toBe("online");
    await page.locator("#speaker").selectOption("zhangsan");
    await post(
      "@快报助手 上报 刚才青山镇李家村村道发生一起两车相撞事故，造成3人死亡、5人受伤，镇长已带队赶赴现场。现场负责人：钱镇长，电话13800000042。",
    );

    await page
      .locator("#file-input")
      .setInputFiles({ name: "现场.png", mimeType: "image/png", buffer: Buffer.from(TINY_PNG) });
    await page
      .locator("#messages .msg-mine .msg-thumb[alt='现场.png']")
      .waitFor({ timeout: REPLY_TIMEOUT_MS });
    await page
      .locator("#messages .msg-bot")
      .filter({ hasText: "已收到现场图片 1 张" })
      .first()
      .waitFor({ timeout: REPLY_TIMEOUT_MS });

    await post("确认");
    await page.locator(`#chat-list .chat-item[data-chat-id="leaders"]`).click();
    const alert = page.locator("#messages .msg-card").filter({ hasText: "2026-0001" }).first();
    await alert.waitFor({ timeout: REPLY_TIMEOUT_MS });
    const thumb = alert.locator(".msg-thumb");
    await thumb.waitFor({ timeout: REPLY_TIMEOUT_MS });
    await expect
      .poll(() => thumb.evaluate((img) => (img as HTMLImageElement).naturalWidth), {
        timeout: REPLY_TIMEOUT_MS,
      })
      .toBe(1);
    expect(await alert.locator(".msg-file").getAttribute("target")).toBe("_blank");
  });
});
