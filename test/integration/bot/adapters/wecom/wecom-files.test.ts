/**
 * An outbound message's files on WeCom: uploaded as media and sent after the text, the photo as an
 * image and the PDF as a file, once across a retry of the delivery; a file too large for WeCom is
 * sent as its name. The choice of kind, pure, too.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mediaKindOf } from "../../../../../src/bot/adapters/wecom/outbound/wecom-files.ts";
import { DiskFileStore } from "../../../../../src/store/files/disk-file-store.ts";
import { chatIdOf, useFakeWecom, type WecomTestApp } from "../../../../support/fake-wecom/wecom-test-app.ts";
import { viewText } from "../../../../support/fake-wecom/wecom-view.ts";
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

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), "wecom-files-"));
    files = new DiskFileStore(folder, 50 * MB);
    app = await wecom.start({ files });
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
});
