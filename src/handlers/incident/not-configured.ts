/**
 * A command of a capability whose incident rules are not configured: it keeps its words, summary
 * and roles (so 帮助 lists it as before) and answers that incident reporting is not configured.
 */
import type { Command } from "../../bot/core/capability.ts";
import { incidentMessages } from "./messages.ts";

export function notConfiguredCommand(about: Omit<Command, "run">): Command {
  return { ...about, run: (ctx) => ctx.reply(incidentMessages.notConfigured) };
}
