/**
 * An outbound message carrying a stored photo and a stored PDF after its text, as the adapters'
 * file tests send it (the bytes are put in `files` first).
 */
import type { OutboundMessage } from "../../src/bot/core/message.ts";
import type { FileStore } from "../../src/bot/core/ports.ts";

export async function photoAndPdfMessage(
  files: FileStore,
  photoBytes: Uint8Array,
  idempotencyKey: string,
): Promise<OutboundMessage> {
  const photo = await files.put(photoBytes, { name: "现场1.jpg", mimeType: "image/jpeg" });
  const pdf = await files.put(Buffer.from("%PDF-1.4 情况"), {
    name: "情况.pdf",
    mimeType: "application/pdf",
  });
  return {
    chatId: "qingshan-work",
    text: "现场图片 1 张",
    idempotencyKey,
    files: [
      { kind: "image", fileKey: photo.key, name: "现场1.jpg", mimeType: "image/jpeg" },
      { kind: "file", fileKey: pdf.key, name: "情况.pdf", mimeType: "application/pdf" },
    ],
  };
}
