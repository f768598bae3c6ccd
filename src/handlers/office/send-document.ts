/**
 * A document asked for in chat (`专报 2026-0042`, `台账 督办`): made the way the desk makes it, for
 * the person who asked, and sent to their one-to-one chat with the bot as a file. The group where
 * they asked is told where it went, so a document is never posted to a whole group.
 */
import type { ConversationContext } from "../../bot/core/context.ts";
import type { DeskContext, DocumentFile } from "../../bot/core/desk.ts";
import { directChatId } from "../../bot/core/message.ts";
import { officeMessages as M } from "./messages.ts";

/** The desk's view of who asks in chat: the person speaking, now. */
export function deskContextOf(ctx: ConversationContext): DeskContext {
  return { services: ctx.services, viewer: ctx.person, now: ctx.services.clock.now() };
}

/** Stores `file` and sends it to the asker one-to-one with `caption`; says so in the group if asked there. */
export async function sendDocument(
  ctx: ConversationContext,
  file: DocumentFile,
  caption: string,
): Promise<void> {
  const files = ctx.services.files;
  if (!files) return ctx.reply(M.documentsUnavailable);
  const stored = await files.put(file.bytes, { name: file.fileName, mimeType: file.mimeType });
  const direct = directChatId(ctx.person.id);
  await ctx.send(direct, {
    text: caption,
    files: [{ kind: "file", fileKey: stored.key, name: file.fileName, mimeType: file.mimeType }],
  });
  if (ctx.chat.id !== direct) await ctx.reply(M.documentSentDirect(file.fileName));
}
