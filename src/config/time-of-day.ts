/** Local times of day as offices write them in config: `08:00`, `17:30`. */
import { z } from "zod";

export interface TimeOfDay {
  hour: number;
  minute: number;
}

const HH_MM = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** `08:00` → { hour: 8, minute: 0 }, or null when it is not a time of day. */
export function parseTimeOfDay(text: string): TimeOfDay | null {
  const m = HH_MM.exec(text.trim());
  return m ? { hour: Number(m[1]), minute: Number(m[2]) } : null;
}

export function formatTimeOfDay(t: TimeOfDay): string {
  return `${String(t.hour).padStart(2, "0")}:${String(t.minute).padStart(2, "0")}`;
}

export function timeOfDayProblem(text: string): string {
  return `时间格式不对：「${text}」，应写成 24 小时制的 08:00、17:30`;
}

/** A time of day in config: text in, hour and minute out. */
export const timeOfDaySchema = z.string().transform((text, ctx) => {
  const t = parseTimeOfDay(text);
  if (!t) {
    ctx.addIssue({ code: "custom", message: timeOfDayProblem(text) });
    return z.NEVER;
  }
  return t;
});
