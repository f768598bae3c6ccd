/** How a deadline reads in 督办 and 舆情 texts: `12月10日 18:00`, in the office's time zone. */
import { instantToLocal } from "../../bot/core/wall-clock.ts";
import { officeMessages as M } from "./messages.ts";

const two = (n: number) => String(n).padStart(2, "0");

export function deadlineText(at: Date, timezone: string): string {
  const t = instantToLocal(at, timezone);
  return M.deadline(t.month, t.day, `${two(t.hour)}:${two(t.minute)}`);
}
