/**
 * What a WeChat picture, video, file or location share carries, as a neutral event's attachments
 * or place: the file box streamed into the file store with its byte limit (a box larger than the
 * limit is not read; one that turns out larger is dropped half-read: an attachment refused as too
 * large, nothing stored); a location read from the share (name, address, coordinates). The place
 * is asked of the puppet itself: wechaty 1.20's `message.toLocation()` throws (it builds its
 * Location class without the bot it belongs to).
 */
import type { Logger } from "pino";
import type { MessageInterface, WechatyInterface } from "wechaty/impls";
import type { InboundAttachment, InboundEvent } from "../../core/message.ts";
import { type FileStore, FileTooLargeError } from "../../core/ports.ts";
import { mimeOfName } from "../common/mime-type.ts";
import { wechatTexts as T } from "./wechat-texts.ts";

/** The kinds of WeChat message read for what they carry. */
export type WechatExtraKind = InboundAttachment["kind"] | "location";

export async function wechatExtras(
  bot: WechatyInterface,
  message: MessageInterface,
  kind: WechatExtraKind,
  files: FileStore,
  log: Logger,
): Promise<Pick<InboundEvent, "attachments" | "location">> {
  if (kind === "location") {
    const place = await bot.puppet.messageLocation(message.id);
    const address = place.address?.trim();
    return {
      location: {
        name: place.name?.trim() || address || "",
        ...(address ? { address } : {}),
        latitude: Number(place.latitude),
        longitude: Number(place.longitude),
      },
    };
  }
  const box = await message.toFileBox();
  const name = box.name?.trim() || defaultName(kind);
  const mimeType =
    box.mediaType && box.mediaType !== "application/octet-stream" ? box.mediaType : mimeOfName(name, kind);
  const base = { kind, name, mimeType };
  const known = box.size > 0 ? box.size : undefined;
  if (known !== undefined && known > files.maxBytes) {
    log.info({ message: message.id, size: known }, "wechat file over the file limit, not read");
    return { attachments: [{ ...base, fileKey: null, size: known, refused: "too-large" }] };
  }
  const stream = await box.toStream();
  try {
    const stored = await files.put(stream, { name, mimeType });
    return { attachments: [{ ...base, fileKey: stored.key, size: stored.size }] };
  } catch (error) {
    stream.destroy();
    if (!(error instanceof FileTooLargeError)) throw error;
    log.info({ message: message.id }, "wechat file over the file limit, dropped");
    return { attachments: [{ ...base, fileKey: null, size: known ?? 0, refused: "too-large" }] };
  }
}

function defaultName(kind: InboundAttachment["kind"]): string {
  if (kind === "image") return T.imageName;
  return kind === "video" ? T.videoName : T.fileName;
}
