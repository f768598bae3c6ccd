/** Checks the policy against the org file: every escalation recipient names a known role, unit or person. */
import { type Org, ROLES } from "./org.ts";
import type { Policy } from "./policy.ts";

export const REPORTING_UNIT = "reporting";

export function policyProblemsWithOrg(policy: Policy, org: Org): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const roles = new Set<string>(ROLES);
  const units = new Set(org.units.map((u) => u.id));
  const people = new Set(org.people.map((p) => p.id));
  policy.escalation?.forEach((level, i) => {
    level.forEach((recipient, j) => {
      const [who = "", unit] = recipient.split("@");
      const path = `escalation[${i}][${j}]`;
      if (unit !== undefined) {
        if (!roles.has(who))
          problems.push({ path, message: `「${who}」不是角色（可用：${ROLES.join("、")}）` });
        if (unit !== REPORTING_UNIT && !units.has(unit))
          problems.push({ path, message: `没有这个单位：${unit}（或写 ${REPORTING_UNIT} 表示报告单位）` });
      } else if (!roles.has(who) && !people.has(who)) {
        problems.push({ path, message: `「${who}」既不是角色，也不是通讯录里的人员 id` });
      }
    });
  });
  return problems;
}
