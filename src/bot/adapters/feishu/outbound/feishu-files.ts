/**
 * The files of an outbound message, each its own Feishu message after the text or card, in order:
 * a picture Feishu takes (≤ 10 MB, a format it shows) is uploaded with `im.image.create` and sent
 * as an image; anything else up to 30 MB with `im.file.create` (`mp4` for an MP4 video, `stream`
 * otherwise) and sent as a file; a larger one is sent as its name. Each post has its own key
 * (`<message key>#file-<n>`) in sent_message and Feishu's `uuid`: a retried delivery skips the files
 * already recorded, and one uploaded but not recorded is posted once all the same.
 */
import type { OutboundFile, OutboundMessage } from "../../../core/message.ts";
import type { FileStore } from "../../../core/ports.ts";
import type { DatabaseClient } from "../../../core/services.ts";
import { recordSentMessage } from "../../common/sent-message-record.ts";
import type { FeishuApi, InSlot, OutgoingMessage } from "../client/feishu-api.ts";
import { textContent } from "../feishu-content.ts";
import { FEISHU } from "../feishu-identity.ts";
import type { FeishuTarget } from "../feishu-target.ts";
import { feishuTexts as T } from "../feishu-texts.ts";

/** Feishu's upload limits (im.image.create, im.file.create). */
export const FEISHU_IMAGE_MAX_BYTES = 10 * 1024 * 1024;
export const FEISHU_FILE_MAX_BYTES = 30 * 1024 * 1024;

/** Picture formats Feishu shows as a picture. */
const IMAGE_TYPES = new Set([
  "image/jpeg",
  "image/png",
  "image/webp",
  "image/gif",
  "image/bmp",
  "image/x-icon",
  "image/tiff",
  "image/heic",
]);

export interface FileSendDeps {
  api: FeishuApi;
  files: FileStore;
  prisma: DatabaseClient;
  /** A slot under the chat's and the app's limits (the posts). */
  inTargetSlot: InSlot;
  /** A slot under the app's limit (the uploads). */
  inAppSlot: InSlot;
}

/** The sent_message key of a message's n-th file (from 1). */
export function fileKeyOf(idempotencyKey: string, index: number): string {
  return `${idempotencyKey}#file-${index + 1}`;
}

export async function sendFiles(
  deps: FileSendDeps,
  message: Pick<OutboundMessage, "chatId" | "idempotencyKey" | "files">,
  target: FeishuTarget,
  feishuUuid: (key: string) => string,
): Promise<void> {
  const files = message.files ?? [];
  if (files.length === 0) return;
  const keys = files.map((_, index) => fileKeyOf(message.idempotencyKey, index));
  const rows = await deps.prisma.sentMessage.findMany({
    where: { platform: FEISHU, idempotencyKey: { in: keys } },
    select: { idempotencyKey: true },
  });
  const posted = new Set(rows.map((row) => row.idempotencyKey));
  for (const [index, file] of files.entries()) {
    const key = keys[index] as string;
    if (posted.has(key)) continue;
    const outgoing = await rendered(deps, file);
    const messageId = await deps.api.send(
      {
        receiveIdType: target.receiveIdType,
        receiveId: target.receiveId,
        ...outgoing,
        uuid: feishuUuid(key),
      },
      deps.inTargetSlot,
    );
    await recordSentMessage(deps.prisma, {
      platform: FEISHU,
      idempotencyKey: key,
      chatId: message.chatId,
      platformMessageId: messageId,
      recipients: [],
      sentAt: new Date(),
    });
  }
}

/** The file uploaded and its message content, or its name when Feishu takes no file that large. */
async function rendered(
  deps: FileSendDeps,
  file: OutboundFile,
): Promise<Pick<OutgoingMessage, "msgType" | "content">> {
  const bytes = await deps.files.get(file.fileKey);
  if (file.kind === "image" && IMAGE_TYPES.has(file.mimeType) && bytes.byteLength <= FEISHU_IMAGE_MAX_BYTES) {
    const imageKey = await deps.api.uploadImage(bytes, file.name, deps.inAppSlot);
    return { msgType: "image", content: JSON.stringify({ image_key: imageKey }) };
  }
  if (bytes.byteLength === 0 || bytes.byteLength > FEISHU_FILE_MAX_BYTES)
    return { msgType: "text", content: textContent(T.fileByName(file.name), []) };
  const fileType = file.kind === "video" && file.mimeType === "video/mp4" ? "mp4" : "stream";
  const fileKey = await deps.api.uploadFile(bytes, file.name, fileType, deps.inAppSlot);
  return { msgType: "file", content: JSON.stringify({ file_key: fileKey }) };
}
