/** Whether a person may take one of a unit's steps (签收, 反馈, 申请延期, 申请办结) on a part now. */
import type { Directory } from "../../../bot/core/directory.ts";
import type { Person } from "../../../config/org.ts";
import type { FoundPart } from "./found-part.ts";
import { actionMessages as M } from "./messages.ts";
import { actsForUnit } from "./part-people.ts";

/** Why not, in Chinese (another unit's part, or a part already closed); null when they may. */
export function unitStepRefusal(
  person: Person,
  directory: Directory,
  { part, task }: FoundPart,
): string | null {
  const unit = directory.unitName(part.unitId);
  if (!actsForUnit(person, part.unitId)) return M.notYourPart(task.number, unit);
  if (part.closedAt) return M.partClosed(task.number, unit);
  return null;
}
