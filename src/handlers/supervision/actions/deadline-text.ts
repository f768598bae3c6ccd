/** How a task's deadline reads in the actions' texts: `12月10日 18:00`. */
import { instantToLocal } from "../../../bot/core/wall-clock.ts";
import { actionMessages as M } from "./messages.ts";

const two = (n: number) => String(n).padStart(2, "0");

/** `12月10日 18:00` in the office's time zone. */
export function deadlineText(at: Date, timezone: string): string {
  const t = instantToLocal(at, timezone);
  return M.deadline(t.month, t.day, `${two(t.hour)}:${two(t.minute)}`);
}
