/**
 * Photos, videos, files and places on Feishu against the fake server: a received picture is
 * downloaded into the file store and handed on as an attachment with the same bytes (once, however
 * often Feishu resends it); one over the store's limit is refused without being stored; a group
 * picture without an @ is read only from someone in a dialog; a shared location fills the event's
 * place; an outbound message's files are uploaded and posted as a picture and a file, once each
 * across a retried delivery.
 */
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { InboundEvent } from "../../../../../src/bot/core/message.ts";
import { DiskFileStore } from "../../../../../src/store/files/disk-file-store.ts";
import type { FakeFeishuServer } from "../../../../support/fake-feishu/fake-feishu-server.ts";
import { messageEvent } from "../../../../support/fake-feishu/feishu-payloads.ts";
import {
  chatIdOf,
  FAKE_BOT_OPEN_ID,
  type FeishuTestApp,
  openIdOf,
  useFakeFeishu,
  VERIFICATION_TOKEN,
} from "../../../../support/fake-feishu/feishu-test-app.ts";
import { recordHandedEvents } from "../../../../support/handed-events.ts";
import { photoAndPdfMessage } from "../../../../support/outbound-files.ts";

const QINGSHAN = chatIdOf("qingshan-work");
const ZHANGSAN = openIdOf("zhangsan");
const LIMIT = 4096;
/** A small PNG's worth of bytes (content does not matter to the adapter). */
const PHOTO = Buffer.from(Array.from({ length: 1500 }, (_, i) => (i * 7) % 256));

describe("feishu photos, files and location", () => {
  const feishu = useFakeFeishu();
  let fake: FakeFeishuServer;
  let app: FeishuTestApp;
  let folder: string;
  let files: DiskFileStore;
  let handed: InboundEvent[];

  beforeEach(async () => {
    fake = feishu.fake;
    folder = await mkdtemp(join(tmpdir(), "feishu-media-"));
    files = new DiskFileStore(folder, LIMIT);
    app = await feishu.start({ files });
    handed = recordHandedEvents(app.test.app);
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  /** Every file kept in the store's folder (temporary `.part` files included). */
  const storedFiles = async () =>
    (await readdir(folder, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());

  const media = (
    messageId: string,
    messageType: string,
    content: Record<string, unknown>,
    options: { chatType?: "group" | "p2p"; chatId?: string } = {},
  ) =>
    messageEvent({
      chatId: options.chatId ?? "oc_p2p_zhangsan",
      chatType: options.chatType ?? "p2p",
      senderOpenId: ZHANGSAN,
      text: "",
      messageId,
      messageType,
      content: JSON.stringify(content),
      token: VERIFICATION_TOKEN,
    });

  const handedFor = (messageId: string) => handed.filter((e) => e.eventId === `msg-${messageId}`);
  const downloads = () => fake.callsTo(/\/resources\//, "GET");

  it("a one-to-one photo reaches the pipeline as an attachment whose stored bytes are the photo's", async () => {
    fake.putResource("om_photo_1", "img_v3_photo", PHOTO, { contentType: "image/png" });
    expect((await app.post(media("om_photo_1", "image", { image_key: "img_v3_photo" }))).status).toBe(200);
    await app.settle();

    const [event] = handedFor("om_photo_1");
    expect(event).toMatchObject({ chatId: "dm:zhangsan", senderId: "zhangsan", text: "" });
    expect(event?.attachments).toEqual([
      {
        kind: "image",
        fileKey: expect.any(String),
        name: "图片.jpg",
        mimeType: "image/png",
        size: PHOTO.length,
      },
    ]);
    const key = event?.attachments?.[0]?.fileKey as string;
    expect(Buffer.from(await files.get(key)).equals(PHOTO)).toBe(true);
    expect(downloads().map((c) => c.query.type)).toEqual(["image"]);
    // The person is no longer told that only text is read.
    expect(fake.messagesTo(ZHANGSAN).map((m) => JSON.stringify(m.content))).not.toContainEqual(
      expect.stringContaining("请用文字发送"),
    );
  });

  it("a resent photo is downloaded and stored once", async () => {
    fake.putResource("om_photo_2", "img_v3_again", PHOTO);
    const event = media("om_photo_2", "image", { image_key: "img_v3_again" });
    await app.post(event);
    await app.post(event);
    await app.settle();
    await app.post(media("om_photo_2", "image", { image_key: "img_v3_again" })); // a new event id
    await app.settle();
    expect(downloads()).toHaveLength(1);
    expect(await storedFiles()).toHaveLength(1);
  });

  it("a video and a file keep their names; the file's type comes from Feishu or its name", async () => {
    fake.putResource("om_video_1", "file_v3_video", PHOTO, { contentType: "video/mp4" });
    fake.putResource("om_pdf_1", "file_v3_pdf", PHOTO);
    await app.post(
      media("om_video_1", "media", {
        file_key: "file_v3_video",
        image_key: "img_cover",
        file_name: "现场.mp4",
        duration: 3000,
      }),
    );
    await app.post(media("om_pdf_1", "file", { file_key: "file_v3_pdf", file_name: "情况说明.pdf" }));
    await app.settle();
    expect(handedFor("om_video_1")[0]?.attachments).toMatchObject([
      { kind: "video", name: "现场.mp4", mimeType: "video/mp4", size: PHOTO.length },
    ]);
    expect(handedFor("om_pdf_1")[0]?.attachments).toMatchObject([
      { kind: "file", name: "情况说明.pdf", mimeType: "application/pdf", size: PHOTO.length },
    ]);
    expect(downloads().map((c) => c.query.type)).toEqual(["file", "file"]);
  });

  it.each([
    ["Feishu says its length", true],
    ["its length shows only while reading", false],
  ])("a file over the store's limit is refused and nothing is stored (%s)", async (_title, withLength) => {
    const big = Buffer.alloc(LIMIT * 3, 1);
    fake.putResource("om_big_1", "img_v3_big", big, { contentType: "image/jpeg", withLength });
    await app.post(media("om_big_1", "image", { image_key: "img_v3_big" }));
    await app.settle();
    expect(handedFor("om_big_1")[0]?.attachments).toEqual([
      {
        kind: "image",
        fileKey: null,
        name: "图片.jpg",
        mimeType: "image/jpeg",
        size: withLength ? big.length : 0,
        refused: "too-large",
      },
    ]);
    expect(await storedFiles()).toEqual([]);
  });

  it("a picture Feishu no longer has is left out, and the event is still handed on once", async () => {
    await app.post(media("om_gone_1", "image", { image_key: "img_v3_gone" }));
    await app.settle();
    expect(handedFor("om_gone_1")).toHaveLength(1);
    expect(handedFor("om_gone_1")[0]?.attachments).toEqual([]);
    expect(await storedFiles()).toEqual([]);
  });

  it("a shared location fills the event's place with its name and coordinates", async () => {
    await app.post(
      media("om_place_1", "location", {
        name: "青山镇中心小学",
        longitude: "114.305392",
        latitude: "30.593098",
      }),
    );
    await app.settle();
    expect(handedFor("om_place_1")[0]).toMatchObject({
      text: "",
      location: { name: "青山镇中心小学", latitude: 30.593098, longitude: 114.305392 },
    });
  });

  it("a group photo without an @ is read only from someone in a dialog with the bot there", async () => {
    fake.putResource("om_group_1", "img_v3_group1", PHOTO);
    fake.putResource("om_group_2", "img_v3_group2", PHOTO);
    await app.post(
      media("om_group_1", "image", { image_key: "img_v3_group1" }, { chatType: "group", chatId: QINGSHAN }),
    );
    await app.settle();
    expect(downloads()).toEqual([]);
    expect(handedFor("om_group_1")[0]?.attachments).toBeUndefined();

    await app.post(
      messageEvent({
        chatId: QINGSHAN,
        senderOpenId: ZHANGSAN,
        text: "@{0} 上报",
        mentions: [{ openId: FAKE_BOT_OPEN_ID, name: "快报助手" }],
        token: VERIFICATION_TOKEN,
      }),
    );
    await app.settle();
    await app.post(
      media("om_group_2", "image", { image_key: "img_v3_group2" }, { chatType: "group", chatId: QINGSHAN }),
    );
    await app.settle();
    expect(downloads()).toHaveLength(1);
    expect(handedFor("om_group_2")[0]?.attachments).toMatchObject([{ kind: "image", size: PHOTO.length }]);
  });

  it("a picture in rich text @-ing the bot comes with the text", async () => {
    fake.putResource("om_post_1", "img_v3_post", PHOTO);
    await app.post(
      messageEvent({
        chatId: QINGSHAN,
        senderOpenId: ZHANGSAN,
        text: "",
        mentions: [{ openId: FAKE_BOT_OPEN_ID, name: "快报助手" }],
        messageId: "om_post_1",
        messageType: "post",
        content: JSON.stringify({
          title: "",
          content: [
            [
              { tag: "at", user_id: "@_user_1", user_name: "快报助手" },
              { tag: "text", text: " 现场照片" },
            ],
            [{ tag: "img", image_key: "img_v3_post" }],
          ],
        }),
        token: VERIFICATION_TOKEN,
      }),
    );
    await app.settle();
    const [event] = handedFor("om_post_1");
    expect(event?.text).toBe("@快报助手 现场照片");
    expect(event?.attachments).toMatchObject([{ kind: "image", size: PHOTO.length }]);
  });

  it("sends an outbound message's files after its text: the photo as a picture, the PDF as a file, once across a retry", async () => {
    const message = await photoAndPdfMessage(files, PHOTO, "media-out-1");
    // The file upload fails every try of the first delivery: the send queue would deliver again.
    fake.fail({
      method: "POST",
      path: /^\/open-apis\/im\/v1\/files$/,
      kind: "status",
      status: 500,
      times: 4,
    });
    await expect(app.adapter.sink.deliver(message)).rejects.toThrow();
    await app.adapter.sink.deliver(message);

    const sent = fake.messagesTo(QINGSHAN);
    expect(sent.map((m) => m.msgType)).toEqual(["text", "image", "file"]);
    const image = fake.upload(String(sent[1]?.content.image_key));
    expect(image?.bytes.equals(PHOTO)).toBe(true);
    const file = fake.upload(String(sent[2]?.content.file_key));
    expect(file).toMatchObject({ kind: "file", name: "情况.pdf", fileType: "stream" });
    expect(file?.bytes.toString()).toBe("%PDF-1.4 情况");
    expect(fake.uploads.filter((u) => u.kind === "image")).toHaveLength(1);
  });

  it("files alone are just the files; a video goes up as mp4", async () => {
    const video = await files.put(PHOTO, { name: "现场.mp4", mimeType: "video/mp4" });
    await app.test.app.messenger.send({
      chatId: "dm:zhangsan",
      idempotencyKey: "media-out-2",
      files: [{ kind: "video", fileKey: video.key, name: "现场.mp4", mimeType: "video/mp4" }],
    });
    await app.settle();
    const sent = fake.messagesTo(ZHANGSAN);
    expect(sent.map((m) => m.msgType)).toEqual(["file"]);
    expect(fake.upload(String(sent[0]?.content.file_key))).toMatchObject({
      fileType: "mp4",
      name: "现场.mp4",
    });
  });
});
