/** Shows UTC instants in the policy's time zone, the way office staff write times. */
import { instantToLocal } from "../../bot/core/wall-clock.ts";

const two = (n: number) => String(n).padStart(2, "0");

/** `2026-03-02 14:20` in the given time zone. */
export function formatLocalTime(at: Date, timeZone: string): string {
  const t = instantToLocal(at, timeZone);
  return `${t.year}-${two(t.month)}-${two(t.day)} ${two(t.hour)}:${two(t.minute)}`;
}
