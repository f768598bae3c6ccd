/** `交办` (the dialog) and `交办 青山镇、白水乡 明天12时前 报送…` (one line, same summary card). */
import type { Command } from "../../../bot/core/capability.ts";
import type { TasksPolicy } from "../../../config/tasks-policy.ts";
import { ASSIGN_DIALOG, LINE_ARG } from "./assign-dialog.ts";
import { mayAssign } from "./may-assign.ts";
import { assignMessages as M } from "./messages.ts";

export const assignCommand = (rules: TasksPolicy): Command => ({
  names: ["交办", "/assign", "/交办"],
  summary: M.assignSummary,
  async run(ctx, args) {
    if (!(await mayAssign(ctx, rules))) return;
    await ctx.startDialog(ASSIGN_DIALOG, `${LINE_ARG}${args.trim()}`);
  },
});
