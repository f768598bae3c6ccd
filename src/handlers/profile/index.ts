/** Profile capability: 登记 (a dialog) and 我是谁. */
import type { Capability } from "../../bot/core/capability.ts";
import { profileMessages as M } from "./messages.ts";
import { PROFILE_DIALOG, profileDialog } from "./profile-dialog.ts";
import { whoamiCommand } from "./whoami-command.ts";

/** `timezone`: the office's (我是谁 shows when the person last registered). */
export function profileCapability(timezone: string): Capability {
  return {
    name: "profile",
    dialogs: [profileDialog],
    commands: [
      {
        names: ["/登记", "登记", "/profile"],
        summary: M.commandSummary,
        run: (ctx, args) => ctx.startDialog(PROFILE_DIALOG, args),
      },
      whoamiCommand(timezone),
    ],
  };
}
