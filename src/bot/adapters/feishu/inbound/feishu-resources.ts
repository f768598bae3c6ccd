/**
 * What a received message carries besides text, read from its content as pure functions: the
 * resources to download (a photo, a video, a file, the pictures of a rich-text post) and a shared
 * location. Shapes as Feishu documents them for `im.message.receive_v1`:
 * `image` {image_key}; `file` {file_key, file_name}; `media` {file_key, image_key, file_name,
 * duration}; `location` {name, longitude, latitude} (numbers sent as strings); a `post`'s
 * `img` {image_key} and `media` {file_key, image_key} nodes.
 */
import type { InboundAttachment, SharedLocation } from "../../../core/message.ts";
import { withoutControlCharacters } from "../../../core/text.ts";
import { mimeOfName } from "../../common/mime-type.ts";
import { feishuTexts as T } from "../feishu-texts.ts";

/** A resource of a message, fetched with `GET /im/v1/messages/:id/resources/:key?type=`. */
export interface FeishuResource {
  kind: InboundAttachment["kind"];
  key: string;
  /** What the download asks for: pictures are `image`, everything else `file`. */
  type: "image" | "file";
  name: string;
  /** A guess from the kind and name; the download's Content-Type wins when it has one. */
  mimeType: string;
}

export interface MessageExtras {
  resources: FeishuResource[];
  location?: SharedLocation;
}

/** Message types read for what they carry, with no text of their own. */
const EXTRA_TYPES = new Set(["image", "file", "media", "location"]);

export function carriesExtras(messageType: string): boolean {
  return EXTRA_TYPES.has(messageType);
}

/** The resources and location of a message (none for a message type that carries none). */
export function messageExtras(messageType: string, content: string): MessageExtras {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    return { resources: [] };
  }
  if (typeof parsed !== "object" || parsed === null) return { resources: [] };
  const body = parsed as Record<string, unknown>;
  switch (messageType) {
    case "image":
      return { resources: imageResource(body.image_key) };
    case "file":
      return { resources: fileResource("file", body.file_key, body.file_name) };
    case "media":
      return { resources: fileResource("video", body.file_key, body.file_name) };
    case "location": {
      const location = sharedLocation(body);
      return location ? { resources: [], location } : { resources: [] };
    }
    case "post":
      return { resources: postResources(body) };
    default:
      return { resources: [] };
  }
}

function imageResource(key: unknown): FeishuResource[] {
  if (typeof key !== "string" || !key) return [];
  return [{ kind: "image", key, type: "image", name: T.imageName, mimeType: "image/jpeg" }];
}

function fileResource(kind: "file" | "video", key: unknown, name: unknown): FeishuResource[] {
  if (typeof key !== "string" || !key) return [];
  const fileName =
    typeof name === "string" && name.trim()
      ? withoutControlCharacters(name.trim())
      : kind === "video"
        ? T.videoName
        : T.fileName;
  return [{ kind, key, type: "file", name: fileName, mimeType: mimeOfName(fileName, kind) }];
}

function sharedLocation(body: Record<string, unknown>): SharedLocation | undefined {
  const latitude = Number(body.latitude);
  const longitude = Number(body.longitude);
  if (body.latitude === undefined || body.longitude === undefined) return undefined;
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return undefined;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return undefined;
  const name = typeof body.name === "string" ? withoutControlCharacters(body.name.trim()) : "";
  return { name, latitude, longitude };
}

interface PostNode {
  tag?: unknown;
  image_key?: unknown;
  file_key?: unknown;
}

/** The pictures and videos of a rich-text post, in reading order (bare or keyed by locale). */
function postResources(post: Record<string, unknown>): FeishuResource[] {
  const body = Array.isArray(post.content)
    ? post
    : (Object.values(post).find((v) => typeof v === "object" && v !== null && "content" in v) as
        | Record<string, unknown>
        | undefined);
  if (!body || !Array.isArray(body.content)) return [];
  const resources: FeishuResource[] = [];
  for (const paragraph of body.content as unknown[]) {
    if (!Array.isArray(paragraph)) continue;
    for (const node of paragraph as PostNode[]) {
      if (node?.tag === "img") resources.push(...imageResource(node.image_key));
      if (node?.tag === "media") resources.push(...fileResource("video", node.file_key, undefined));
    }
  }
  return resources;
}
