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
          fields: oneLinePerWord(commands),
          buttons: [],
          note: M.note,
        },
      });
    },
  };
  return { name: "help", commands: [help] };
}

/** A word several capabilities answer (收到, 查询) is one line, its summaries joined. */
function oneLinePerWord(commands: Command[]): { label: string; value: string }[] {
  const lines = new Map<string, string[]>();
  for (const command of commands) {
    const word = command.names[0] as string;
    lines.set(word, [...(lines.get(word) ?? []), command.summary]);
  }
  return [...lines].map(([label, summaries]) => ({ label, value: summaries.join("；") }));
}
