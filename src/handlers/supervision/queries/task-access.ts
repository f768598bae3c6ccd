/**
 * Who may look at 督办 tasks: leaders and the duty office see every task (they assign and follow
 * them); the assigner sees theirs; a unit's people see the tasks their unit has a part in.
 */
import type { Person } from "../../../config/org.ts";
import { seesEverything } from "../../office/oversight.ts";

/** Whether the person sees every task (the 督办 ledger of all units, 查询 of any number). */
export const seesAllTasks = seesEverything;

export function canViewTask(
  person: Pick<Person, "id" | "roles" | "unit">,
  task: { assignerId: string; parts: readonly { unitId: string }[] },
): boolean {
  return (
    seesAllTasks(person) || task.assignerId === person.id || task.parts.some((p) => p.unitId === person.unit)
  );
}
