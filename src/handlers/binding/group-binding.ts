/**
 * A platform group the org file does not know: `绑定 群名` from an admin or a unit's director binds
 * it to an org group (by id, by name, or by the name of the unit whose group it is); anything else
 * @-addressed to the bot there is told the group is not bound yet.
 */
import type { Chat, Directory } from "../../bot/core/directory.ts";
import type { BotServices } from "../../bot/core/services.ts";
import { splitCommand, stripBotMention } from "../../bot/core/text.ts";
import type { UnboundChatEvent } from "../../bot/core/unbound.ts";
import { bindingMessages as M } from "./messages.ts";

export async function bindGroup(services: BotServices, event: UnboundChatEvent): Promise<void> {
  const { directory } = services;
  const [command, rest] = splitCommand(stripBotMention(event.text, directory.botName));
  if (command !== "绑定") {
    if (event.addressed) await event.reply(M.groupNotBound, "not-bound");
    return;
  }
  const answer = (text: string) => event.reply(text, "bind");
  const person = event.personId ? directory.person(event.personId) : undefined;
  if (!person?.roles.some((r) => r === "admin" || r === "director")) return answer(M.groupNotAllowed);
  if (!rest) return answer(M.groupUsage);
  const target = findGroup(directory, rest);
  if (!target) return answer(M.groupUnknownTarget(rest));
  const outcome = await event.binder.bindGroup(event.externalChatId, target.id, person.id);
  await answer(outcome === "bound" ? M.groupBound(target.name) : M.groupTaken(target.name));
}

/** The org group named: by its id, its name, or the name of the unit it is the group of. */
export function findGroup(directory: Directory, name: string): Chat | undefined {
  return (
    directory.groups().find((g) => g.id === name || g.name === name) ??
    directory.groupsWithPurpose("unit").find((g) => directory.unitName(g.group?.unit ?? "") === name)
  );
}
