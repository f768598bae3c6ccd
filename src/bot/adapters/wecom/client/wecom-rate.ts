/**
 * WeCom's limits as slots of the shared {@link RateLimiter}, shared by every process through Redis:
 * a message to people takes a slot under each person's key (30 a minute) and the app's; a group
 * message one under the group's key (200 a minute: each member receives it) and the corp's group
 * key (recipients a minute ÷ the largest group); other calls (card updates, contacts) the API key.
 * Going over drops messages silently (people) or blocks the API for a minute, so the window is
 * WeCom's full minute.
 */
import { type RateLimiter, type RateSlot, withSlots } from "../../common/rate-limiter.ts";
import type { WecomSettings } from "../wecom-settings.ts";

const WINDOW_MS = 60_000;
const API_KEY = "wecom:api";
const GROUPS_KEY = "wecom:groups";

export type WecomRateSettings = Pick<
  WecomSettings,
  "perPersonPerMinute" | "perGroupPerMinute" | "groupSendsPerMinute" | "apiPerMinute"
>;

export class WecomRate {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly settings: WecomRateSettings,
  ) {}

  /** A message to these WeCom userids (one call may reach several). */
  forPeople<T>(userIds: readonly string[], call: () => Promise<T>): Promise<T> {
    const slots: RateSlot[] = [...new Set(userIds)].map((id) => ({
      key: `wecom:person:${id}`,
      limit: this.settings.perPersonPerMinute,
    }));
    return withSlots(this.limiter, slots, WINDOW_MS, call);
  }

  /** A message posted in an app-created group. */
  forGroup<T>(wecomChatId: string, call: () => Promise<T>): Promise<T> {
    return withSlots(
      this.limiter,
      [
        { key: `wecom:group:${wecomChatId}`, limit: this.settings.perGroupPerMinute },
        { key: GROUPS_KEY, limit: this.settings.groupSendsPerMinute },
      ],
      WINDOW_MS,
      call,
    );
  }

  /** Any other call (card updates, contacts, group creation). */
  forApi<T>(call: () => Promise<T>): Promise<T> {
    return withSlots(this.limiter, [{ key: API_KEY, limit: this.settings.apiPerMinute }], WINDOW_MS, call);
  }
}
