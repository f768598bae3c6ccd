/**
 * Today's 值班员 and 带班领导, answered one way for every part that needs them: the morning
 * reminder, the zero-report cut-off and escalation (`duty`, `duty_leader`). The one rule: the
 * roster's people for the local day; when the roster names nobody for a role that day (no entry,
 * or an empty list), everyone with the role in the org file (`duty` for 值班员, `leader` for
 * 带班领导), so nobody is left out of an alert because a roster line is blank.
 */
import type { Directory } from "../../bot/core/directory.ts";
import { localDayString } from "../../bot/core/wall-clock.ts";
import type { Person, Role } from "../../config/org.ts";
import type { DutyToday } from "../../config/roster.ts";
import type { Office } from "./office.ts";

/** Who fills one role today, and whether the roster named them (false: everyone with the role). */
export interface OnDutyRole {
  people: string[];
  rostered: boolean;
}

export interface OnDuty {
  /** 值班员 */
  duty: OnDutyRole;
  /** 带班领导 */
  leaders: OnDutyRole;
}

/** Pure: the rule, from the roster's entry for the day (if any) and the org's people. */
export function onDutyFrom(entry: DutyToday | undefined, people: readonly Person[]): OnDuty {
  const fill = (named: readonly string[] | undefined, role: Role): OnDutyRole =>
    named && named.length > 0
      ? { people: [...named], rostered: true }
      : { people: people.filter((p) => p.roles.includes(role)).map((p) => p.id), rostered: false };
  return { duty: fill(entry?.duty, "duty"), leaders: fill(entry?.leaders, "leader") };
}

/** Who is on duty at an instant, by its local day in the office's time zone. */
export function onDutyAt(office: Office, directory: Directory, at: Date): OnDuty {
  return onDutyFrom(office.roster.on(localDayString(at, office.timezone)), directory.people());
}
