/**
 * When a 首报, 续报 or 终报 is filed: the photos sent during its dialog go with the report and its
 * incident, and (once the incident has been alerted) on to the alert chats.
 */
import type { ConversationContext } from "../../../bot/core/context.ts";
import { AttachmentStore } from "./attachment-store.ts";
import { forwardAttachments } from "./forward-attachments.ts";

export async function fileSessionAttachments(ctx: ConversationContext, sessionId: string): Promise<void> {
  const { database } = ctx.services;
  const report = await database.incidentReport.findUnique({
    where: { sourceKey: `dialog-${sessionId}` },
    include: { incident: true },
  });
  if (!report) return;
  await new AttachmentStore(database).fileSession(sessionId, report.incidentId, report.id);
  await forwardAttachments(ctx, ctx.services, report.incident);
}
