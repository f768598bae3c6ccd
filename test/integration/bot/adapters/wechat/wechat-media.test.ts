/**
 * Photos, videos, files and places on WeChat (wechaty-puppet-mock, the real app): a picture, video
 * or file a person sends is stored first and handed on as an attachment with the same bytes; one
 * over the file store's limit is refused without being stored; a location share fills the event's
 * place; a group picture is read only from someone in a dialog with the bot; an outbound message's
 * files are posted as file boxes with the right bytes, once across a retried delivery.
 */
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FileBox } from "file-box";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { InboundEvent } from "../../../../../src/bot/core/message.ts";
import { DiskFileStore } from "../../../../../src/store/files/disk-file-store.ts";
import { recordHandedEvents } from "../../../../support/handed-events.ts";
import { photoAndPdfMessage } from "../../../../support/outbound-files.ts";
import { waitFor } from "../../../../support/wait-for.ts";
import { startWechatWorld, type WechatWorld } from "../../../../support/wechat-world.ts";

const UNIT = "青山镇工作群";
const LIMIT = 4096;
const PHOTO = Buffer.from(Array.from({ length: 1500 }, (_, i) => (i * 11) % 256));

let world: WechatWorld | undefined;
let folder: string;
let files: DiskFileStore;
let handed: InboundEvent[];

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), "wechat-media-"));
  files = new DiskFileStore(folder, LIMIT);
});

afterEach(async () => {
  await world?.close();
  world = undefined;
  await rm(folder, { recursive: true, force: true });
});

async function start(): Promise<WechatWorld> {
  world = await startWechatWorld({ files });
  handed = recordHandedEvents(world.test.app);
  return world;
}

const box = (bytes: Buffer, name: string) => FileBox.fromBase64(bytes.toString("base64"), name);
const handedFor = (id: string) => handed.filter((e) => e.eventId === id);
const storedFiles = async () =>
  (await readdir(folder, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());

// Each test starts a whole app and a WeChat login; a busy 2-core machine needs the room.
describe("WeChat photos, files and location", { timeout: 60_000 }, () => {
  it("a one-to-one picture, video and file reach the pipeline as attachments with their stored bytes", async () => {
    const w = await start();
    const photo = w.sendMedia("image", "张三", { box: box(PHOTO, "现场.jpg") });
    const video = w.sendMedia("video", "张三", { box: box(PHOTO, "现场.mp4") });
    const pdf = w.sendMedia("file", "张三", { box: box(Buffer.from("%PDF-1.4"), "情况.pdf") });
    await waitFor("three events handed on", () => handed.length >= 3);
    await w.settle();
    expect(handedFor(photo)[0]).toMatchObject({ chatId: "dm:zhangsan", senderId: "zhangsan", text: "" });
    expect(handedFor(photo)[0]?.attachments).toEqual([
      {
        kind: "image",
        fileKey: expect.any(String),
        name: "现场.jpg",
        mimeType: "image/jpeg",
        size: PHOTO.length,
      },
    ]);
    const key = handedFor(photo)[0]?.attachments?.[0]?.fileKey as string;
    expect(Buffer.from(await files.get(key)).equals(PHOTO)).toBe(true);
    expect(handedFor(video)[0]?.attachments).toMatchObject([
      { kind: "video", name: "现场.mp4", mimeType: "video/mp4" },
    ]);
    expect(handedFor(pdf)[0]?.attachments).toMatchObject([
      { kind: "file", name: "情况.pdf", mimeType: "application/pdf", size: 8 },
    ]);
  });

  it("a file over the store's limit is refused and nothing is stored", async () => {
    const w = await start();
    const big = w.sendMedia("image", "张三", { box: box(Buffer.alloc(LIMIT * 2, 7), "大图.jpg") });
    await waitFor("the event handed on", () => handedFor(big).length > 0);
    await w.settle();
    expect(handedFor(big)[0]?.attachments).toEqual([
      {
        kind: "image",
        fileKey: null,
        name: "大图.jpg",
        mimeType: "image/jpeg",
        size: LIMIT * 2,
        refused: "too-large",
      },
    ]);
    expect(await storedFiles()).toEqual([]);
  });

  it("a location share fills the event's place with its name, address and coordinates", async () => {
    const w = await start();
    const id = w.sendMedia("location", "张三");
    await waitFor("the event handed on", () => handedFor(id).length > 0);
    // The mock puppet shares one fixed place.
    expect(handedFor(id)[0]).toMatchObject({
      chatId: "dm:zhangsan",
      text: "",
      location: {
        name: "东升乡人民政府(海淀区成府路45号)",
        address: "北京市北京市海淀区45 Chengfu Rd",
        latitude: 39.995121,
        longitude: 116.334154,
      },
    });
  });

  it("a group picture is read only from someone in a dialog with the bot there", async () => {
    const w = await start();
    const ignored = w.sendMedia("image", "张三", { group: UNIT, box: box(PHOTO, "a.jpg") });
    w.say(UNIT, "张三", "@快报助手 上报");
    await w.expectPost(UNIT, ["事件类型"]);
    await w.settle();
    expect(handedFor(ignored)).toEqual([]);
    expect(await storedFiles()).toEqual([]);

    const read = w.sendMedia("image", "张三", { group: UNIT, box: box(PHOTO, "b.jpg") });
    await waitFor("the picture handed on", () => handedFor(read).length > 0);
    expect(handedFor(read)[0]).toMatchObject({ chatId: "qingshan-work", senderId: "zhangsan" });
    expect(handedFor(read)[0]?.attachments).toMatchObject([
      { kind: "image", name: "b.jpg", size: PHOTO.length },
    ]);
  });

  it("posts an outbound message's files after its text, with their bytes, once across a retry", async () => {
    const w = await start();
    const message = await photoAndPdfMessage(files, PHOTO, "wechat-media-out-1");
    await w.adapter.sink.deliver(message);
    await w.adapter.sink.deliver(message);
    expect(w.posted.filter((p) => p.to === UNIT).map((p) => p.text)).toEqual(["现场图片 1 张"]);
    expect(w.files.map((f) => [f.to, f.name])).toEqual([
      [UNIT, "现场1.jpg"],
      [UNIT, "情况.pdf"],
    ]);
    expect(w.files[0]?.bytes.equals(PHOTO)).toBe(true);
    expect(w.files[1]?.bytes.toString()).toBe("%PDF-1.4 情况");
  });

  it("files alone are just the files", async () => {
    const w = await start();
    const photo = await files.put(PHOTO, { name: "现场2.jpg", mimeType: "image/jpeg" });
    await w.test.app.messenger.send({
      chatId: "dm:zhangsan",
      idempotencyKey: "wechat-media-out-2",
      files: [{ kind: "image", fileKey: photo.key, name: "现场2.jpg", mimeType: "image/jpeg" }],
    });
    await waitFor("the picture posted", () => w.files.length > 0);
    await w.settle();
    expect(w.files.map((f) => [f.to, f.name])).toEqual([["张三", "现场2.jpg"]]);
    expect(w.posted.filter((p) => p.to === "张三")).toEqual([]);
  });
});
