/** Help capability: 帮助 lists what the bot understands, built from the registered commands. */
import type { Capability, Command } from "../../bot/core/capability.ts";
import { helpMessages as M } from "./messages.ts";

export function helpCapability(others: Capability[]): Capability {
  const help: Command = {
    names: ["帮助", "/help", "help", "/帮助", "菜单"],
    summary: M.summary,
    async run(ctx) {
      const commands = [...others.flatMap((c) => c.commands ?? []), help].filter(
        (command) => !command.roles || command.roles.some((role) => ctx.person.roles.includes(role)),
      );
      await ctx.reply({
        card: {
          title: M.title(ctx.services.directory.botName),
          fields: commands.map((command) => ({ label: command.names[0] as string, value: command.summary })),
          buttons: [],
          note: M.note,
        },
      });
    },
  };
  return { name: "help", commands: [help] };
}
