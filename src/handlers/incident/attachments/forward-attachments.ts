/**
 * Sends an incident's photos and videos not yet forwarded to the alert chats (duty group, leaders'
 * group) as `2026-0001 现场图片 3 张` with the files. Before the first alert, nothing: the alert
 * carries them (alert-job.ts).
 */
import type { Say, SendOptions } from "../../../bot/core/outbox.ts";
import type { BotServices } from "../../../bot/core/services.ts";
import { alertChats } from "../../office/audience.ts";
import { countKinds } from "./attachment-rules.ts";
import { AttachmentStore, outboundFile } from "./attachment-store.ts";
import { attachmentMessages as M } from "./messages.ts";

export interface Sender {
  send(chatId: string, say: Say, options?: SendOptions): Promise<void>;
}

export async function forwardAttachments(
  sender: Sender,
  services: BotServices,
  incident: { id: number; number: string; alertedAt: Date | null },
): Promise<void> {
  if (!incident.alertedAt) return;
  const store = new AttachmentStore(services.database);
  const rows = await store.unforwarded(incident.id);
  const last = rows.at(-1);
  if (!last) return;
  const text = M.forwarded(incident.number, countKinds(rows.map((r) => r.kind)));
  for (const chatId of alertChats(services.directory))
    await sender.send(
      chatId,
      { text, files: rows.map(outboundFile) },
      { key: `attachments-${last.id}-${chatId}` },
    );
  await store.markForwarded(
    rows.map((r) => r.id),
    services.clock.now(),
  );
}
