/**
 * Who may look at 督办 tasks: leaders and the duty office see every task (they assign and follow
 * them); the assigner sees theirs; a unit's people see the tasks their unit has a part in.
 */
import type { Person, Role } from "../../../config/org.ts";

/** Roles that see every task (the 督办 ledger of all units, 查询 of any number). */
export const OVERSIGHT_ROLES: readonly Role[] = ["leader", "duty"];

export function seesAllTasks(person: Pick<Person, "roles">): boolean {
  return person.roles.some((r) => OVERSIGHT_ROLES.includes(r));
}

export function canViewTask(
  person: Pick<Person, "id" | "roles" | "unit">,
  task: { assignerId: string; parts: readonly { unitId: string }[] },
): boolean {
  return (
    seesAllTasks(person) || task.assignerId === person.id || task.parts.some((p) => p.unitId === person.unit)
  );
}
