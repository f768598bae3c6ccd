/**
 * The files of an outbound message as WeCom takes them: uploaded as temporary media
 * (`media/upload`) and sent as a message of their own after the text or card — a JPG or PNG
 * picture up to 10 MB as an image, an MP4 up to 10 MB as a video, anything else up to 20 MB as a
 * file; a larger one (or one under WeCom's 5 bytes) is sent as its name.
 */
import type { OutboundFile } from "../../../core/message.ts";
import type { FileStore } from "../../../core/ports.ts";
import type { InSlot, MediaBody, MediaKind, WecomApi } from "../client/wecom-api.ts";
import { wecomTexts as T } from "../wecom-texts.ts";

const MB = 1024 * 1024;
export const WECOM_MEDIA_MAX_BYTES: Record<MediaKind, number> = {
  image: 10 * MB,
  video: 10 * MB,
  file: 20 * MB,
};
/** WeCom refuses media of 5 bytes or fewer. */
const MIN_BYTES = 6;
const IMAGE_TYPES = new Set(["image/jpeg", "image/png"]);

/** How a file of this size goes to WeCom, or undefined when only its name can. */
export function mediaKindOf(
  file: Pick<OutboundFile, "kind" | "mimeType">,
  size: number,
): MediaKind | undefined {
  if (size < MIN_BYTES) return undefined;
  const kind: MediaKind =
    file.kind === "image" && IMAGE_TYPES.has(file.mimeType)
      ? "image"
      : file.kind === "video" && file.mimeType === "video/mp4"
        ? "video"
        : "file";
  if (size <= WECOM_MEDIA_MAX_BYTES[kind]) return kind;
  return size <= WECOM_MEDIA_MAX_BYTES.file ? "file" : undefined;
}

/** The message body that sends the file: uploaded media, or its name as text. */
export async function fileBody(
  deps: { api: Pick<WecomApi, "uploadMedia">; files: FileStore; inSlot: InSlot },
  file: OutboundFile,
): Promise<MediaBody | { msgtype: "text"; text: { content: string } }> {
  const bytes = await deps.files.get(file.fileKey);
  const kind = mediaKindOf(file, bytes.length);
  if (!kind) return { msgtype: "text", text: { content: T.fileByName(file.name) } };
  const mediaId = await deps.api.uploadMedia(kind, bytes, file.name, deps.inSlot);
  switch (kind) {
    case "image":
      return { msgtype: "image", image: { media_id: mediaId } };
    case "video":
      return { msgtype: "video", video: { media_id: mediaId } };
    case "file":
      return { msgtype: "file", file: { media_id: mediaId } };
  }
}
