/** Whether a person may answer a unit's request (延期, 办结): the assigner, or `tasks.close_roles`. */
import type { ConversationContext } from "../../../bot/core/context.ts";
import type { TasksPolicy } from "../../../config/tasks-policy.ts";
import { actionMessages as M } from "./messages.ts";
import { answersFor } from "./part-people.ts";

/** Why not, in Chinese; null when they may. */
export function answerRefusal(
  ctx: ConversationContext,
  rules: Pick<TasksPolicy, "close_roles">,
  task: { assignerId: string },
): string | null {
  if (answersFor(ctx.person, task, rules)) return null;
  return M.notAnswerer(ctx.services.directory.personName(task.assignerId));
}
