/**
 * The resources of a received message into the file store: each streamed from Feishu straight into
 * `files.put`, which stops at the store's byte limit. A resource Feishu says is larger than the
 * limit is not read at all; one that turns out larger is dropped half-read. Either way it becomes
 * an attachment with no file key, refused as too large, and the capability answers the person.
 * A resource Feishu will never give (withdrawn, not in the message) is left out and logged; a
 * failure worth retrying throws, and the queued event is tried again.
 */
import type { Logger } from "pino";
import type { InboundAttachment } from "../../../core/message.ts";
import { type FileStore, FileTooLargeError } from "../../../core/ports.ts";
import type { FeishuApi, InSlot } from "../client/feishu-api.ts";
import { FeishuApiError } from "../client/feishu-errors.ts";
import type { FeishuResource } from "./feishu-resources.ts";

export interface DownloadDeps {
  api: FeishuApi;
  files: FileStore;
  /** A slot under the app's rate limit for each download. */
  inSlot: InSlot;
  log: Logger;
}

export async function downloadResources(
  deps: DownloadDeps,
  messageId: string,
  resources: readonly FeishuResource[],
): Promise<InboundAttachment[]> {
  const attachments: InboundAttachment[] = [];
  for (const resource of resources) {
    try {
      attachments.push(await downloadOne(deps, messageId, resource));
    } catch (error) {
      if (!(error instanceof FeishuApiError && error.failure.kind === "fatal")) throw error;
      deps.log.warn({ message: messageId, err: error }, "feishu resource cannot be downloaded, left out");
    }
  }
  return attachments;
}

async function downloadOne(
  deps: DownloadDeps,
  messageId: string,
  resource: FeishuResource,
): Promise<InboundAttachment> {
  const { api, files } = deps;
  const download = await api.resource(messageId, resource.key, resource.type, deps.inSlot);
  const mimeType = usefulType(download.contentType) ?? resource.mimeType;
  const base = { kind: resource.kind, name: resource.name, mimeType };
  if (download.size !== undefined && download.size > files.maxBytes) {
    download.stream.destroy();
    deps.log.info(
      { message: messageId, size: download.size },
      "feishu resource over the file limit, not read",
    );
    return { ...base, fileKey: null, size: download.size, refused: "too-large" };
  }
  try {
    const stored = await files.put(download.stream, { name: resource.name, mimeType });
    return { ...base, fileKey: stored.key, size: stored.size };
  } catch (error) {
    download.stream.destroy();
    if (!(error instanceof FileTooLargeError)) throw error;
    deps.log.info({ message: messageId }, "feishu resource over the file limit, dropped");
    return { ...base, fileKey: null, size: download.size ?? 0, refused: "too-large" };
  }
}

/** Feishu's own type, unless it says no more than "bytes". */
function usefulType(contentType: string | undefined): string | undefined {
  if (!contentType || contentType === "application/octet-stream") return undefined;
  return contentType;
}
