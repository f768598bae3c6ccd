/**
 * Feishu's limits as slots of the shared {@link RateLimiter}: every call that posts into a chat or
 * to a person, or changes a message there (send, patch), takes a slot under that chat's key and
 * one under the app's; a call that reaches nobody (who has read a message) takes only the app's.
 * The sink and the read poller both go through here, so together they never exceed either limit.
 */
import { type RateLimiter, takeSlots } from "../../core/rate-limiter.ts";
import type { FeishuSettings } from "./feishu-settings.ts";

/**
 * Feishu counts a second where requests arrive; slots are taken a little earlier than that, so the
 * window carries a 5 % margin for the jitter between taking a slot and the request landing (a
 * request that still lands early is answered 429 and retried after the wait Feishu names).
 */
const WINDOW_MS = 1050;
const APP_KEY = "feishu:app";

export class FeishuRate {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly settings: Pick<FeishuSettings, "perChatPerSecond" | "appPerSecond">,
  ) {}

  /** Waits for a slot under one chat's (or person's) key and the app's, and takes both. */
  forTarget(rateKey: string): Promise<void> {
    return takeSlots(
      this.limiter,
      [
        { key: rateKey, limit: this.settings.perChatPerSecond },
        { key: APP_KEY, limit: this.settings.appPerSecond },
      ],
      WINDOW_MS,
    );
  }

  /** Waits for a slot under the app's key only. */
  forApp(): Promise<void> {
    return takeSlots(this.limiter, [{ key: APP_KEY, limit: this.settings.appPerSecond }], WINDOW_MS);
  }
}
