/**
 * The night 加急 wish people give in 登记 ("夜间（22:00—次日 7:00）有紧急情况时，是否同意用加急消息提醒
 * 您？"): whoever answered no is not buzzed at night. Their messages still reach them, with their
 * mention; only the 加急 is left out. Applied to every send a capability makes, wherever it comes
 * from (alerts, escalations, 督办, 舆情), by wrapping the Messenger the capabilities are given.
 */
import type { OutboundMessage } from "../../bot/core/message.ts";
import type { Clock, Messenger } from "../../bot/core/ports.ts";
import { instantToLocal } from "../../bot/core/wall-clock.ts";
import type { PrismaClient } from "../../store/generated/client.ts";

/** Night as the 登记 question names it: from 22:00 to 7:00 the next morning, local time. */
const NIGHT_FROM_HOUR = 22;
const NIGHT_UNTIL_HOUR = 7;

/** Whether `at` falls in the night, in the office's time zone. Pure. */
export function isNight(at: Date, timeZone: string): boolean {
  const { hour } = instantToLocal(at, timeZone);
  return hour >= NIGHT_FROM_HOUR || hour < NIGHT_UNTIL_HOUR;
}

/** A Messenger that leaves out of `urgentTo`, at night, the people who asked not to be buzzed then. */
export class NightQuietMessenger implements Messenger {
  constructor(
    private readonly inner: Messenger,
    private readonly database: PrismaClient,
    private readonly clock: Clock,
    private readonly timeZone: string,
  ) {}

  async send(message: OutboundMessage): Promise<void> {
    const urgentTo = message.urgentTo ?? [];
    if (urgentTo.length === 0 || !isNight(this.clock.now(), this.timeZone)) return this.inner.send(message);
    const quiet = await this.database.personProfile.findMany({
      where: { personId: { in: urgentTo }, nightUrgent: false },
      select: { personId: true },
    });
    if (quiet.length === 0) return this.inner.send(message);
    const asleep = new Set(quiet.map((p) => p.personId));
    await this.inner.send({ ...message, urgentTo: urgentTo.filter((id) => !asleep.has(id)) });
  }
}
