/**
 * Files on WeCom. Out: an outbound message's files uploaded as media and sent after the text, the
 * photo as an image and the PDF as a file, once across a retry of the delivery (the choice of kind,
 * pure, too). In: a photo a person sends downloaded into the file store and handed on as an
 * attachment, one over the store's limit refused as too large, a shared place as a location.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mediaKindOf } from "../../../../../src/bot/adapters/wecom/outbound/wecom-files.ts";
import type { InboundEvent } from "../../../../../src/bot/core/message.ts";
import { DiskFileStore } from "../../../../../src/store/files/disk-file-store.ts";
import { locationXml, mediaXml } from "../../../../support/fake-wecom/wecom-payloads.ts";
import {
  chatIdOf,
  useFakeWecom,
  userIdOf,
  type WecomTestApp,
} from "../../../../support/fake-wecom/wecom-test-app.ts";
import { viewText } from "../../../../support/fake-wecom/wecom-view.ts";
import { recordHandedEvents } from "../../../../support/handed-events.ts";
import { photoAndPdfMessage } from "../../../../support/outbound-files.ts";
import { TINY_PNG } from "../../../../support/tiny-png.ts";

const MB = 1024 * 1024;

describe("WeCom media kinds", () => {
  it("sends JPG/PNG as images, MP4 as video, the rest as files, within WeCom's sizes", () => {
    expect(mediaKindOf({ kind: "image", mimeType: "image/jpeg" }, 1000)).toBe("image");
    expect(mediaKindOf({ kind: "image", mimeType: "image/heic" }, 1000)).toBe("file");
    expect(mediaKindOf({ kind: "image", mimeType: "image/png" }, 15 * MB)).toBe("file");
    expect(mediaKindOf({ kind: "video", mimeType: "video/mp4" }, 5 * MB)).toBe("video");
    expect(mediaKindOf({ kind: "file", mimeType: "application/pdf" }, 25 * MB)).toBeUndefined();
    expect(mediaKindOf({ kind: "file", mimeType: "text/plain" }, 3)).toBeUndefined();
  });
});

describe("WeCom outbound files", () => {
  const wecom = useFakeWecom();
  let folder: string;
  let files: DiskFileStore;
  let app: WecomTestApp;
  let handed: InboundEvent[];

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), "wecom-files-"));
    files = new DiskFileStore(folder, 1 * MB);
    app = await wecom.start({ files });
    handed = recordHandedEvents(app.test.app);
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it("uploads the photo and the PDF and posts them after the text, once across a retry", async () => {
    const message = await photoAndPdfMessage(files, TINY_PNG, "wecom-media-out-1");
    // The photo's upload fails every try of the first delivery (the text is posted): the send queue
    // delivers again, and the text is not posted twice.
    wecom.fake.fail({ path: /media\/upload/, times: 4, kind: "status", status: 500 });
    await app.test.app.messenger.send(message);
    await app.settle();
    expect(wecom.fake.callsTo("/cgi-bin/media/upload").length).toBe(6);
    const group = wecom.fake.messagesTo(chatIdOf("qingshan-work"));
    expect(group.map((m) => m.msgtype)).toEqual(["text", "image", "file"]);
    const [text, ...media] = group;
    expect(text && viewText(text)).toBe("现场图片 1 张");
    const [image, pdf] = media.map((m) =>
      wecom.fake.uploads.get((m.body[m.msgtype] as { media_id: string }).media_id),
    );
    expect(image).toMatchObject({ type: "image", name: "现场1.jpg" });
    expect(image?.bytes.equals(Buffer.from(TINY_PNG))).toBe(true);
    expect(pdf).toMatchObject({ type: "file", name: "情况.pdf" });
  });

  it("hands on a photo a person sent as a stored attachment, and refuses one over the store's limit", async () => {
    wecom.fake.putMedia("media-photo", Buffer.from(TINY_PNG), "image/png");
    wecom.fake.putMedia("media-huge", Buffer.alloc(2 * MB, 1), "image/jpeg");
    await app.post(mediaXml({ userId: userIdOf("zhangsan"), kind: "image", mediaId: "media-photo" }));
    await app.post(mediaXml({ userId: userIdOf("zhangsan"), kind: "image", mediaId: "media-huge" }));
    await app.settle();
    // Each is downloaded before it is handed on, so the smaller may come first.
    const attachments = handed.map((e) => e.attachments?.[0]);
    const photo = attachments.find((a) => a?.fileKey);
    const huge = attachments.find((a) => a?.refused);
    expect(photo).toMatchObject({ kind: "image", mimeType: "image/png", size: TINY_PNG.length });
    expect(photo?.fileKey && Buffer.from(await files.get(photo.fileKey)).equals(Buffer.from(TINY_PNG))).toBe(
      true,
    );
    expect(huge).toMatchObject({ kind: "image", fileKey: null, refused: "too-large" });
    expect(handed.map((e) => e.chatId)).toEqual(["dm:zhangsan", "dm:zhangsan"]);
  });

  it("hands on a shared place as a location", async () => {
    await app.post(
      locationXml({
        userId: userIdOf("zhangsan"),
        latitude: 28.2276,
        longitude: 112.9388,
        label: "李家村村道",
      }),
    );
    await app.settle();
    expect(handed.map((e) => e.location)).toEqual([
      { name: "李家村村道", latitude: 28.2276, longitude: 112.9388 },
    ]);
  });
});
