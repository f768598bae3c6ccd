/**
 * What actions/ contributes to the 督查督办 capability: the units' steps on their part of a task
 * (签收, 反馈, 申请延期, 申请办结) and the assigner's answers (同意延期 / 不同意, 确认办结 / 退回), as
 * the task cards' buttons, typed forms and the short dialogs that ask for words; `收到` under a task
 * card signs it.
 */

import type { CapabilityParts } from "../../../bot/core/capability.ts";
import type { TasksPolicy } from "../../../config/tasks-policy.ts";
import type { Office } from "../../office/office.ts";
import { partButtons } from "./part-buttons.ts";
import { partDialogs } from "./part-dialogs.ts";
import { signCommand, taskReceiptCommand } from "./sign-commands.ts";
import { typedCommands } from "./typed-commands.ts";

export function partActionParts(rules: TasksPolicy, office: Office): CapabilityParts {
  const actionRules = { rules, timezone: office.timezone };
  return {
    commands: [signCommand(actionRules), taskReceiptCommand(actionRules), ...typedCommands(actionRules)],
    actions: [partButtons(actionRules)],
    dialogs: partDialogs(actionRules),
  };
}
