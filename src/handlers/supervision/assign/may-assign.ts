/** Who may 交办 (and 转督办 a 批示): the policy's `tasks.assign_roles`; others are told so. */
import type { ConversationContext } from "../../../bot/core/context.ts";
import type { Person } from "../../../config/org.ts";
import type { TasksPolicy } from "../../../config/tasks-policy.ts";
import { assignMessages as M } from "./messages.ts";

/** Whether the person holds one of `assign_roles`. Pure. */
export function holdsAssignRole(person: Pick<Person, "roles">, rules: Pick<TasksPolicy, "assign_roles">) {
  return person.roles.some((r) => rules.assign_roles.includes(r));
}

/** True when this person may assign; otherwise says why not (`convert`: for 转督办). */
export async function mayAssign(
  ctx: ConversationContext,
  rules: TasksPolicy,
  convert = false,
): Promise<boolean> {
  if (holdsAssignRole(ctx.person, rules)) return true;
  await ctx.reply(convert ? M.convertNotAllowed(rules.assign_roles) : M.notAllowed(rules.assign_roles));
  return false;
}
