/** Durations as offices write them: `90s`, `35m`, `2h`, `1d`, `1h30m`. */
import { z } from "zod";

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const DURATION = /^(?:\d+[smhd])+$/;

/** Milliseconds in a duration text, or null when it is not one. */
export function parseDuration(text: string): number | null {
  const trimmed = text.trim();
  if (!DURATION.test(trimmed)) return null;
  let total = 0;
  for (const [, amount, unit] of trimmed.matchAll(/(\d+)([smhd])/g))
    total += Number(amount) * (UNIT_MS[unit as string] ?? 0);
  return total > 0 ? total : null;
}

/** A duration in config: text in, milliseconds out. */
export const durationSchema = z.string().transform((text, ctx) => {
  const ms = parseDuration(text);
  if (ms === null) {
    ctx.addIssue({ code: "custom", message: `时长格式不对：「${text}」，应写成 90s、35m、2h、1d 或 1h30m` });
    return z.NEVER;
  }
  return ms;
});
