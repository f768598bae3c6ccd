/**
 * Feishu's limits as slots of the shared {@link RateLimiter}: every call that posts into a chat or
 * to a person, or changes a message there (send, patch), runs in a slot under that chat's key and
 * one under the app's; a call that posts into no chat (who has read a message, 加急 for several
 * people at once) takes only the app's.
 * The sink and the read poller both go through here, so together they never exceed either limit.
 *
 * The window is Feishu's second, with no margin: a slot counts until the call's answer is back,
 * which is after Feishu received it, so the next call that would make one too many in Feishu's
 * second is sent a full second after the earlier one was answered, however late that one arrived
 * (a new connection, a busy bot or network). Only a call still unanswered after a whole second can
 * slip out of the count; Feishu answers such a rare one with 429 and it is retried after the wait
 * Feishu names.
 */
import { type RateLimiter, withSlots } from "../../common/rate-limiter.ts";
import type { FeishuSettings } from "../feishu-settings.ts";

const WINDOW_MS = 1000;
const APP_KEY = "feishu:app";

export class FeishuRate {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly settings: Pick<FeishuSettings, "perChatPerSecond" | "appPerSecond">,
  ) {}

  /** Runs `call` in a slot under one chat's (or person's) key and the app's. */
  forTarget<T>(rateKey: string, call: () => Promise<T>): Promise<T> {
    return withSlots(
      this.limiter,
      [
        { key: rateKey, limit: this.settings.perChatPerSecond },
        { key: APP_KEY, limit: this.settings.appPerSecond },
      ],
      WINDOW_MS,
      call,
    );
  }

  /** Runs `call` in a slot under the app's key only. */
  forApp<T>(call: () => Promise<T>): Promise<T> {
    return withSlots(this.limiter, [{ key: APP_KEY, limit: this.settings.appPerSecond }], WINDOW_MS, call);
  }
}
