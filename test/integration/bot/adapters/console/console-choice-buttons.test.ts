/**
 * A dialog's choices in a real browser: no button looks chosen before anyone chooses. Only the
 * bot's suggestion (一般（建议）on the grade question) is drawn as the primary button; a question
 * without a suggestion has none, and a choice pressed on one card does not stay highlighted on the
 * cards after it.
 */
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { TestApp } from "../../../../support/app.ts";
import { postConsoleMessage, useConsolePage } from "../../../../support/chromium.ts";

/** Generous: the machine may be busy with other test runs. */
const REPLY_TIMEOUT_MS = 20_000;

describe("choice buttons in the console page", () => {
  let app: TestApp;
  let page: Page;
  useConsolePage({ width: 1280, height: 800 }, (opened) => {
    ({ app, page } = opened);
  });

  const post = (text: string) => postConsoleMessage(app.baseUrl, "青山镇工作群", "张三", text);
  /** The newest card in the open chat whose text has `title`. */
  const card = (title: string): Locator =>
    page.locator("#messages .msg-card").filter({ hasText: title }).last();
  const highlighted = (where: Locator) => where.locator(".card-button.primary, .card-button.pressed");

  it("draws only the suggested grade as primary, and nothing chosen on other cards", async () => {
    await page.goto(`${app.baseUrl}/#chat=qingshan-work`);
    await expect
      .poll(() => page.locator("#conn").getAttribute("data-state"), { timeout: REPLY_TIMEOUT_MS })
      .toBe("online");
    await page.locator("#speaker").selectOption("zhangsan");

    await post("@快报助手 上报");
    const typeCard = card("事件类型");
    await typeCard.waitFor({ timeout: REPLY_TIMEOUT_MS });
    expect(await typeCard.locator(".card-button").count()).toBeGreaterThan(1);
    expect(await highlighted(typeCard).count()).toBe(0);

    await typeCard.locator(".card-button", { hasText: "事故灾难" }).click();
    await page.locator("#messages .msg-bot").filter({ hasText: "事发时间" }).last().waitFor({
      timeout: REPLY_TIMEOUT_MS,
    });
    for (const answer of ["刚才", "青山镇李家村村道", "两车相撞，一车侧翻", "1死2伤"]) await post(answer);

    const gradeCard = card("事件等级");
    await gradeCard.waitFor({ timeout: REPLY_TIMEOUT_MS });
    const primary = gradeCard.locator(".card-button.primary");
    await expect.poll(() => primary.count(), { timeout: REPLY_TIMEOUT_MS }).toBe(1);
    expect(await primary.textContent()).toContain("一般（建议）");
    expect(await gradeCard.locator(".card-button.pressed").count()).toBe(0);
    expect(await gradeCard.locator(".card-button", { hasText: "特别重大" }).getAttribute("class")).toBe(
      "card-button",
    );
    // The type chosen earlier does not stay highlighted on its card either.
    expect(await highlighted(card("事件类型")).count()).toBe(0);
  });
});
