/**
 * Decides what an inbound event is: a pressed button, a reply to an open dialog, a command, or
 * chatter the bot should stay out of; and hands it to the capability that owns it.
 */
import type { ActionHandler, Capability, Command, MediaHandler } from "./capability.ts";
import type { ConversationContext } from "./context.ts";
import { DIALOG_ACTION_PREFIX, type DialogEngine } from "./dialog/engine.ts";
import { isDialogKeyword } from "./dialog/messages.ts";
import { EventBus } from "./events.ts";
import { type InboundEvent, isDirectChat, isSaidToBot } from "./message.ts";
import { coreReplies, MAX_TEXT_LENGTH } from "./replies.ts";
import { splitCommand } from "./text.ts";
import type { UnboundHandler } from "./unbound.ts";

export class Router {
  /** Commands by lower-cased word; several when capabilities share a word (see `Command.owns`). */
  private readonly commands = new Map<string, Command[]>();
  private readonly actions = new Map<string, ActionHandler>();
  readonly commandList: Command[] = [];
  /** The capabilities' listeners, for the contexts of the events this router routes. */
  readonly events: EventBus;
  /** Decides on events from chats or accounts the org file does not know (one capability at most). */
  readonly unbound?: UnboundHandler;
  /** Decides on photos and shared locations (one capability at most). */
  readonly media?: MediaHandler;

  constructor(
    capabilities: Capability[],
    readonly dialogs: DialogEngine,
  ) {
    for (const capability of capabilities) {
      for (const command of capability.commands ?? []) {
        this.commandList.push(command);
        for (const name of command.names) {
          const key = name.toLowerCase();
          const sharing = this.commands.get(key) ?? [];
          if (!command.owns && sharing.some((c) => !c.owns))
            throw new Error(`command ${name} registered twice (a shared word needs owns() on all but one)`);
          this.commands.set(key, [...sharing, command]);
        }
      }
      for (const action of capability.actions ?? []) this.actions.set(action.prefix, action);
      if (capability.unbound && this.unbound) throw new Error("unbound events handled twice");
      this.unbound ??= capability.unbound;
      if (capability.media && this.media) throw new Error("photos handled twice");
      this.media ??= capability.media;
    }
    this.events = new EventBus(capabilities.flatMap((c) => c.listeners ?? []));
  }

  async route(ctx: ConversationContext): Promise<void> {
    const { event } = ctx;
    if (event.action) return this.routeAction(ctx, event.action.value);
    if (event.text.length > MAX_TEXT_LENGTH) return ctx.reply(coreReplies.tooLong(event.text.length));
    if (event.attachments?.length || event.location) {
      await this.routeMedia(ctx);
      // A caption with a photo is then read as any text.
    }
    if (!ctx.text && isBareMention(event))
      return ctx.reply(coreReplies.bareMention(ctx.services.directory.botName, isDirectChat(ctx.chat.id)));
    if (!ctx.text) return;
    const [word, args] = splitCommand(ctx.text);
    const command = await this.commandFor(ctx, word, args);
    const session = await this.dialogs.active(ctx);
    // Inside a dialog, text is an answer; an explicit command (@bot 上报, /登记) still runs, so
    // nobody is trapped in a half-done dialog when something urgent comes up.
    const explicit = event.mentions.includes("bot") || word.startsWith("/");
    if (session && !(command && explicit && !isDialogKeyword(word)))
      return this.dialogs.handleText(ctx, session);
    // In a group the bot hears what is said to it, as on Feishu: without its @ a message is chatter
    // (a colleague's 无 is not the unit's 零报告), unless it answers the person's dialog (above) or
    // is a reply the bot asked for (收到 to a 批示). A slash command (/登记) is said to the bot too.
    const addressed = isDirectChat(ctx.chat.id) || explicit;
    if (!addressed && !command?.heardWithoutMention) return;
    if (command) {
      if (command.roles && !command.roles.some((role) => ctx.person.roles.includes(role)))
        return ctx.reply(coreReplies.notAllowed);
      return command.run(ctx, args);
    }
    await ctx.reply(coreReplies.notUnderstood);
  }

  /** The command a word starts: of those sharing it, the first that owns this use, else the default. */
  private async commandFor(
    ctx: ConversationContext,
    word: string,
    args: string,
  ): Promise<Command | undefined> {
    const candidates = this.commands.get(word.toLowerCase()) ?? [];
    for (const command of candidates) if (command.owns && (await command.owns(ctx, args))) return command;
    return candidates.find((c) => !c.owns) ?? candidates[0];
  }

  /** Photos and shared locations go to the capability that takes them, with the open dialog if any. */
  private async routeMedia(ctx: ConversationContext): Promise<void> {
    if (this.media) return this.media.run(ctx, await this.dialogs.active(ctx));
    const addressed = isSaidToBot(ctx.event);
    if (addressed && !ctx.text) await ctx.reply(coreReplies.mediaUnsupported);
  }

  private async routeAction(ctx: ConversationContext, value: string): Promise<void> {
    const separator = value.indexOf(":");
    const prefix = separator < 0 ? value : value.slice(0, separator);
    const rest = separator < 0 ? "" : value.slice(separator + 1);
    if (prefix === DIALOG_ACTION_PREFIX) return this.dialogs.handleAction(ctx, rest);
    const handler = this.actions.get(prefix);
    if (!handler) return ctx.reply(coreReplies.staleAction);
    await handler.run(ctx, rest);
  }
}

/** `@快报助手` and nothing else (no words, no photo, no place): the person waits for a sign of life. */
function isBareMention(event: InboundEvent): boolean {
  return isSaidToBot(event) && !event.attachments?.length && !event.location;
}
