/**
 * Which photos and videos a report takes: pure rules of the attachment, the file store's byte limit
 * and how many the report has already.
 */
import type { InboundAttachment } from "../../../bot/core/message.ts";

export interface MediaCounts {
  images: number;
  videos: number;
}

export type MediaKind = "image" | "video";

export type Verdict =
  | { ok: true; kind: MediaKind }
  | { ok: false; reason: "too-large" | "wrong-type" | "too-many" | "not-stored" };

/** An image or a video by its MIME type (a video sent as a file counts as a video); else null. */
export function mediaKindOf(attachment: Pick<InboundAttachment, "kind" | "mimeType">): MediaKind | null {
  const mime = attachment.mimeType.toLowerCase();
  if (mime.startsWith("image/") && mime !== "image/svg+xml") return "image";
  if (mime.startsWith("video/")) return "video";
  if (attachment.kind === "image" && (mime === "" || mime === "application/octet-stream")) return "image";
  return null;
}

/**
 * Judges each attachment of one message in order: `already` is how many the report holds, `max`
 * the most it takes.
 */
export function judgeAttachments(
  attachments: InboundAttachment[],
  limits: { already: number; max: number },
): Verdict[] {
  let count = limits.already;
  return attachments.map((attachment) => {
    if (attachment.refused === "too-large") return { ok: false, reason: "too-large" };
    const kind = mediaKindOf(attachment);
    if (!kind) return { ok: false, reason: "wrong-type" };
    if (!attachment.fileKey) return { ok: false, reason: "not-stored" };
    if (count >= limits.max) return { ok: false, reason: "too-many" };
    count += 1;
    return { ok: true, kind };
  });
}

export function countKinds(kinds: readonly string[]): MediaCounts {
  return {
    images: kinds.filter((k) => k === "image").length,
    videos: kinds.filter((k) => k === "video").length,
  };
}

/** A shared place as 地点 reads it: `青山镇中心小学（青山镇人民路 8 号）`. */
export function placeText(location: { name: string; address?: string }): string {
  const name = location.name.trim();
  const address = location.address?.trim();
  if (!address || address === name) return name || address || "";
  return name ? `${name}（${address}）` : address;
}
