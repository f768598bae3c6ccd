/**
 * Port: whether a person has a dialog open with the bot in a chat. A text platform asks it to
 * route a plain group message (no @, no command) to the bot when it answers the dialog's question;
 * the adapter never reads the dialog table itself.
 */
import type { DatabaseClient } from "./services.ts";

export interface DialogPresence {
  inDialog(chatId: string, personId: string): Promise<boolean>;
}

/** Reads the dialog table itself: the engine's cached sessions are not shared across processes. */
export function storedDialogPresence(prisma: DatabaseClient): DialogPresence {
  return {
    async inDialog(chatId, personId) {
      const row = await prisma.dialogSession.findUnique({
        where: { chatId_personId: { chatId, personId } },
        select: { id: true },
      });
      return row !== null;
    },
  };
}
