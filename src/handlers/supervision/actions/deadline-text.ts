/** How a task's deadline reads in the actions' texts: `12月10日 18:00`. */
import { instantToLocal } from "../../../bot/core/wall-clock.ts";

const two = (n: number) => String(n).padStart(2, "0");

/** `12月10日 18:00` in the office's time zone. */
export function deadlineText(at: Date, timezone: string): string {
  const t = instantToLocal(at, timezone);
  return `${t.month}月${t.day}日 ${two(t.hour)}:${two(t.minute)}`;
}
