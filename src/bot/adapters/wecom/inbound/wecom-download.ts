/**
 * A picture or video a person sent, from WeCom (`media/get`, valid 3 days) into the file store,
 * streamed into `files.put`, which stops at the store's byte limit. One WeCom says is larger is not
 * read at all; one that turns out larger is dropped half-read; either way it becomes an attachment
 * with no file key, refused as too large, and the capability answers the person. A medium WeCom
 * will never give (expired, unknown) is left out and logged; a failure worth retrying throws, and
 * the queued event is tried again.
 */
import type { Logger } from "pino";
import type { InboundAttachment } from "../../../core/message.ts";
import { type FileStore, FileTooLargeError } from "../../../core/ports.ts";
import { mimeOfName } from "../../common/mime-type.ts";
import type { InSlot, WecomApi } from "../client/wecom-api.ts";
import { WecomApiError } from "../client/wecom-errors.ts";
import { wecomTexts as T } from "../wecom-texts.ts";

export interface DownloadDeps {
  api: Pick<WecomApi, "downloadMedia">;
  files: FileStore;
  inSlot: InSlot;
  log: Logger;
}

export async function downloadMedia(
  deps: DownloadDeps,
  media: { msgId: string; mediaKind: "image" | "video"; mediaId: string },
): Promise<InboundAttachment | undefined> {
  const name = media.mediaKind === "image" ? T.imageName : T.videoName;
  let download: Awaited<ReturnType<WecomApi["downloadMedia"]>>;
  try {
    download = await deps.api.downloadMedia(media.mediaId, deps.inSlot);
  } catch (error) {
    if (!(error instanceof WecomApiError && error.failure.kind === "fatal")) throw error;
    deps.log.warn({ message: media.msgId, err: error }, "wecom media cannot be downloaded, left out");
    return undefined;
  }
  const mimeType =
    download.contentType && download.contentType !== "application/octet-stream"
      ? download.contentType
      : mimeOfName(name, media.mediaKind);
  const base = { kind: media.mediaKind, name, mimeType };
  if (download.size !== undefined && download.size > deps.files.maxBytes) {
    download.cancel();
    deps.log.info({ message: media.msgId, size: download.size }, "wecom media over the file limit, not read");
    return { ...base, fileKey: null, size: download.size, refused: "too-large" };
  }
  try {
    const stored = await deps.files.put(download.stream, { name, mimeType });
    return { ...base, fileKey: stored.key, size: stored.size, sha256: stored.sha256 };
  } catch (error) {
    download.cancel();
    if (!(error instanceof FileTooLargeError)) throw error;
    deps.log.info({ message: media.msgId }, "wecom media over the file limit, dropped");
    return { ...base, fileKey: null, size: download.size ?? 0, refused: "too-large" };
  }
}
