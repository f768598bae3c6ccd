/**
 * The duty roster (config/roster.yaml): who is 值班员 and 带班领导 on which date. Dates are local
 * (`2026-12-01`) or ranges (`2026-12-01..2026-12-07`); a later entry wins over an earlier one on the
 * same day. People are org ids or names, checked against the org file at start.
 */
import { z } from "zod";
import { isRealDate } from "./real-date.ts";

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function realDate(text: string): boolean {
  const m = DATE.exec(text);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

const dateOrRange = z.string().transform((text, ctx) => {
  const [from = "", to = from, ...rest] = text.trim().split("..");
  if (rest.length > 0 || !realDate(from) || !realDate(to) || to < from) {
    ctx.addIssue({
      code: "custom",
      message: `日期格式不对：「${text}」，应写成 2026-12-01 或 2026-12-01..2026-12-07`,
    });
    return z.NEVER;
  }
  return { from, to };
});

export const rosterEntrySchema = z
  .object({
    date: dateOrRange,
    /** 值班员 */
    duty: z.array(z.string().min(1)).default([]),
    /** 带班领导 */
    leader: z.array(z.string().min(1)).default([]),
  })
  .strict();

export const rosterFileSchema = z
  .array(rosterEntrySchema)
  .nullable()
  .transform((v) => v ?? []);

export type RosterEntry = z.infer<typeof rosterEntrySchema>;

/** Who is on duty on one local day (person ids). */
export interface DutyToday {
  duty: string[];
  leaders: string[];
}

/** Looks up the roster by local day; people are resolved to org ids once, at construction. */
export class DutyRoster {
  constructor(
    private readonly entries: readonly RosterEntry[],
    private readonly personId: (ref: string) => string | undefined = (ref) => ref,
  ) {}

  /** Today's people for the local day `YYYY-MM-DD`, or undefined when the roster has no entry for it. */
  on(day: string): DutyToday | undefined {
    let found: RosterEntry | undefined;
    for (const entry of this.entries) if (entry.date.from <= day && day <= entry.date.to) found = entry;
    if (!found) return undefined;
    const ids = (refs: string[]) => refs.map((r) => this.personId(r)).filter((p): p is string => !!p);
    return { duty: ids(found.duty), leaders: ids(found.leader) };
  }
}
