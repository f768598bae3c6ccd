/**
 * Checks the policy against the org file: every escalation recipient (the incidents' and 舆情's)
 * names a known role, unit or person.
 */
import { type Org, ROLES } from "./org.ts";
import type { Policy } from "./policy.ts";
import type { RosterEntry } from "./roster.ts";
import type { Schedules } from "./schedules.ts";

type Problem = { path: string; message: string };

export const REPORTING_UNIT = "reporting";

/** Escalation entry for today's 带班领导 (the roster's, else every leader). */
export const DUTY_LEADER = "duty_leader";

export function policyProblemsWithOrg(policy: Policy, org: Org): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const roles = new Set<string>(ROLES);
  const units = new Set(org.units.map((u) => u.id));
  const people = new Set(org.people.map((p) => p.id));
  const levels = [
    ...(policy.escalation ?? []).map((level, i) => ({ level, at: `escalation[${i}]` })),
    ...(policy.opinion.escalation ?? []).map((level, i) => ({ level, at: `opinion.escalation[${i}]` })),
  ];
  for (const { level, at } of levels) {
    level.forEach((recipient, j) => {
      const [who = "", unit] = recipient.split("@");
      const path = `${at}[${j}]`;
      if (unit !== undefined) {
        if (!roles.has(who))
          problems.push({ path, message: `「${who}」不是角色（可用：${ROLES.join("、")}）` });
        if (unit !== REPORTING_UNIT && !units.has(unit))
          problems.push({ path, message: `没有这个单位：${unit}（或写 ${REPORTING_UNIT} 表示报告单位）` });
      } else if (who !== DUTY_LEADER && !roles.has(who) && !people.has(who)) {
        problems.push({
          path,
          message: `「${who}」既不是角色（或 ${DUTY_LEADER} 当天带班领导），也不是通讯录里的人员 id`,
        });
      }
    });
  }
  return problems;
}

/** Every roster person is in the org file (by id or name). */
export function rosterProblemsWithOrg(roster: readonly RosterEntry[], org: Org): Problem[] {
  const known = new Set(org.people.flatMap((p) => [p.id, p.name]));
  const problems: Problem[] = [];
  roster.forEach((entry, i) => {
    for (const key of ["duty", "leader"] as const)
      entry[key].forEach((ref, j) => {
        if (!known.has(ref))
          problems.push({ path: `[${i}].${key}[${j}]`, message: `通讯录里没有这个人：${ref}` });
      });
  });
  return problems;
}

/** Every chat a schedule names is a group of the org file; every unit owing zero reports is a unit. */
export function scheduleProblemsWithOrg(schedules: Schedules, org: Org): Problem[] {
  const groups = new Set(org.groups.map((g) => g.id));
  const units = new Set(org.units.map((u) => u.id));
  const problems: Problem[] = [];
  schedules.entries.forEach((entry, i) => {
    entry.chats?.forEach((chat, j) => {
      if (!groups.has(chat))
        problems.push({
          path: `schedules[${i}].chats[${j}]`,
          message: `提醒「${entry.id}」的群不存在：${chat}`,
        });
    });
  });
  schedules.zeroReport?.units.forEach((unit, i) => {
    if (!units.has(unit))
      problems.push({ path: `zero_report.units[${i}]`, message: `没有这个单位：${unit}` });
  });
  return problems;
}
