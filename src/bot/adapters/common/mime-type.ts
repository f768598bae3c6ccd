/**
 * A file's MIME type from its name, for a platform that sends a file without one (Feishu's
 * downloads often say only application/octet-stream; a WeChat file box may say nothing).
 */
import type { InboundAttachment } from "../../core/message.ts";

const MIME_BY_EXTENSION: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
  webp: "image/webp",
  heic: "image/heic",
  mp4: "video/mp4",
  mov: "video/quicktime",
  pdf: "application/pdf",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xls: "application/vnd.ms-excel",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  txt: "text/plain",
};

/** A MIME type from a file name's extension; video/mp4 or application/octet-stream when unknown. */
export function mimeOfName(name: string, kind: InboundAttachment["kind"]): string {
  const extension = name.includes(".") ? (name.split(".").pop() ?? "").toLowerCase() : "";
  return MIME_BY_EXTENSION[extension] ?? (kind === "video" ? "video/mp4" : "application/octet-stream");
}
