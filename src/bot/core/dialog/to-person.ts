/**
 * A dialog's question in a group is for one person: it @-mentions them, so two people in dialogs
 * in the same group each see which question is theirs. One to one, nobody else is there.
 */
import type { ConversationContext } from "../context.ts";
import { isDirectChat } from "../message.ts";
import type { Say } from "../outbox.ts";

export function toPerson(ctx: ConversationContext, say: Say | string): Say {
  const message = typeof say === "string" ? { text: say } : say;
  if (isDirectChat(ctx.chat.id)) return message;
  const mentions = message.mentions ?? [];
  return mentions.includes(ctx.person.id) ? message : { ...message, mentions: [ctx.person.id, ...mentions] };
}
