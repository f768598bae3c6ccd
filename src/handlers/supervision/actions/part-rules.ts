/** What every action on a part needs: the capability's rules and the office's time zone. */
import type { TasksPolicy } from "../../../config/tasks-policy.ts";

export interface ActionRules {
  rules: TasksPolicy;
  timezone: string;
}
