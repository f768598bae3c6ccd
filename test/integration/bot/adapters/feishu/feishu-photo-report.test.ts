/**
 * A scene photo on Feishu from end to end: sent during a 首报 dialog one to one, it is downloaded,
 * kept with the dialog, attached to the incident when it is filed, and posted as a picture (the same
 * bytes, uploaded once per chat) after the alert in the leaders' group and the duty group.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Clock } from "../../../../../src/bot/core/ports.ts";
import { DiskFileStore } from "../../../../../src/store/files/disk-file-store.ts";
import { messageEvent } from "../../../../support/fake-feishu/feishu-payloads.ts";
import {
  chatIdOf,
  type FeishuTestApp,
  openIdOf,
  useFakeFeishu,
  VERIFICATION_TOKEN,
} from "../../../../support/fake-feishu/feishu-test-app.ts";

const ZHANGSAN = openIdOf("zhangsan");
const P2P = "oc_p2p_zhangsan";
const PHOTO = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 13) % 256));
/** 14:40 in Shanghai, twenty minutes after the paragraph's 14:20. */
const clock: Clock = { now: () => new Date("2026-03-02T06:40:00Z") };

describe("a scene photo sent on Feishu during a 首报", () => {
  const feishu = useFakeFeishu();
  let app: FeishuTestApp;
  let folder: string;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), "feishu-photo-report-"));
    app = await feishu.start({ files: new DiskFileStore(folder, 1024 * 1024), clock });
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  const say = async (messageId: string, text: string) => {
    await app.post(
      messageEvent({
        chatId: P2P,
        chatType: "p2p",
        senderOpenId: ZHANGSAN,
        text,
        messageId,
        token: VERIFICATION_TOKEN,
      }),
    );
    await app.settle();
  };
  const texts = (receiveId: string) =>
    feishu.fake.messagesTo(receiveId).map((m) => JSON.stringify(m.content));

  it("is forwarded as a picture with the alert to the leaders' and the duty group", async () => {
    await say(
      "om_report_1",
      "上报 今天14时20分，青山镇李家村村道发生一起两车相撞事故，造成3人死亡、5人受伤，镇长已带队赶赴现场，伤员已送县医院救治。现场负责人：钱镇长，电话13800000042。",
    );
    expect(texts(ZHANGSAN).join("\n")).toContain("请核对");

    feishu.fake.putResource("om_photo_1", "img_v3_scene", PHOTO, { contentType: "image/jpeg" });
    await app.post(
      messageEvent({
        chatId: P2P,
        chatType: "p2p",
        senderOpenId: ZHANGSAN,
        text: "",
        messageId: "om_photo_1",
        messageType: "image",
        content: JSON.stringify({ image_key: "img_v3_scene" }),
        token: VERIFICATION_TOKEN,
      }),
    );
    await app.settle();
    expect(texts(ZHANGSAN).join("\n")).toContain("已收到现场图片 1 张");

    await say("om_confirm_1", "确认");
    expect(texts(ZHANGSAN).join("\n")).toContain("2026-0001");

    for (const group of ["leaders", "duty"]) {
      const sent = feishu.fake.messagesTo(chatIdOf(group));
      expect(sent.map((m) => m.msgType)).toContain("image");
      const picture = sent.find((m) => m.msgType === "image");
      expect(feishu.fake.upload(String(picture?.content.image_key))?.bytes.equals(PHOTO)).toBe(true);
      expect(sent.map((m) => JSON.stringify(m.content)).join("\n")).toContain("2026-0001");
    }
  });
});
