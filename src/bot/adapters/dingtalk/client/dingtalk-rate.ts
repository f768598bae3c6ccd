/**
 * DingTalk's limits as slots of the shared {@link RateLimiter}: every call counts against the app's
 * calls per second; a message into a group or to one person also against that chat's messages per
 * minute. Sends, card updates, DING and read polls all go through here, so together, across every
 * bot process on the same Redis, they stay under both.
 */
import { type RateLimiter, withSlots } from "../../common/rate-limiter.ts";
import type { DingtalkSettings } from "../dingtalk-settings.ts";

const SECOND_MS = 1000;
const MINUTE_MS = 60_000;
const APP_KEY = "dingtalk:app";

export class DingtalkRate {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly settings: Pick<DingtalkSettings, "appPerSecond" | "chatPerMinute">,
  ) {}

  /** Runs `call` in a slot of one chat's (or person's) minute, then of the app's second. */
  forTarget<T>(rateKey: string, call: () => Promise<T>): Promise<T> {
    return withSlots(this.limiter, [{ key: rateKey, limit: this.settings.chatPerMinute }], MINUTE_MS, () =>
      this.forApp(call),
    );
  }

  /** Runs `call` in a slot under the app's key only. */
  forApp<T>(call: () => Promise<T>): Promise<T> {
    return withSlots(this.limiter, [{ key: APP_KEY, limit: this.settings.appPerSecond }], SECOND_MS, call);
  }
}
