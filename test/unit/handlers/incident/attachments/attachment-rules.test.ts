import { describe, expect, it } from "vitest";
import type { InboundAttachment } from "../../../../../src/bot/core/message.ts";
import {
  countKinds,
  judgeAttachments,
  mediaKindOf,
  placeText,
} from "../../../../../src/handlers/incident/attachments/attachment-rules.ts";
import {
  attachmentMessages as M,
  sizeText,
} from "../../../../../src/handlers/incident/attachments/messages.ts";

const file = (fields: Partial<InboundAttachment>): InboundAttachment => ({
  kind: "image",
  fileKey: "2026/12/00000000-0000-0000-0000-000000000000",
  name: "现场.jpg",
  mimeType: "image/jpeg",
  size: 1000,
  ...fields,
});

describe("mediaKindOf", () => {
  it("takes photos and videos by their type, a video sent as a file included", () => {
    expect(mediaKindOf(file({ mimeType: "image/png" }))).toBe("image");
    expect(mediaKindOf(file({ kind: "file", mimeType: "video/mp4" }))).toBe("video");
    expect(mediaKindOf(file({ kind: "image", mimeType: "application/octet-stream" }))).toBe("image");
  });

  it("refuses other files and SVG drawings", () => {
    expect(mediaKindOf(file({ kind: "file", mimeType: "application/pdf" }))).toBeNull();
    expect(mediaKindOf(file({ kind: "file", mimeType: "application/octet-stream" }))).toBeNull();
    expect(mediaKindOf(file({ mimeType: "image/svg+xml" }))).toBeNull();
  });
});

describe("judgeAttachments", () => {
  it("takes up to the report's limit, counting what it holds already", () => {
    const verdicts = judgeAttachments([file({}), file({}), file({})], { already: 7, max: 9 });
    expect(verdicts).toEqual([
      { ok: true, kind: "image" },
      { ok: true, kind: "image" },
      { ok: false, reason: "too-many" },
    ]);
  });

  it("refuses what the adapter could not store and what is no photo or video, without counting them", () => {
    const verdicts = judgeAttachments(
      [
        file({ fileKey: null, refused: "too-large" }),
        file({ kind: "file", mimeType: "application/zip" }),
        file({ kind: "video", mimeType: "video/mp4" }),
      ],
      { already: 8, max: 9 },
    );
    expect(verdicts).toEqual([
      { ok: false, reason: "too-large" },
      { ok: false, reason: "wrong-type" },
      { ok: true, kind: "video" },
    ]);
  });
});

describe("counts and places", () => {
  it("counts photos and videos", () => {
    expect(countKinds(["image", "video", "image", "location"])).toEqual({ images: 2, videos: 1 });
  });

  it("writes a shared place as its name with the address", () => {
    expect(placeText({ name: "青山镇中心小学", address: "青山镇人民路8号" })).toBe(
      "青山镇中心小学（青山镇人民路8号）",
    );
    expect(placeText({ name: "青山镇中心小学", address: "青山镇中心小学" })).toBe("青山镇中心小学");
    expect(placeText({ name: " ", address: "青山镇人民路8号" })).toBe("青山镇人民路8号");
  });

  it("names the limits in its refusals", () => {
    expect(sizeText(20 * 1024 * 1024)).toBe("20 MB");
    expect(sizeText(64 * 1024)).toBe("64 KB");
    expect(M.tooLarge("大图.png", 20 * 1024 * 1024)).toContain("超过 20 MB");
    expect(M.tooMany(9)).toContain("最多 9 个");
    expect(M.receivedInDialog({ images: 1, videos: 0 }, 2)).toContain("已收到现场图片 1 张");
    expect(M.forwarded("2026-0001", { images: 3, videos: 0 })).toBe("2026-0001 现场图片 3 张");
  });
});
