/**
 * Photos and places of a report, through the console (upload over HTTP) and the pipeline (a shared
 * location, which a desktop page cannot send), on a real database and Redis: kept with the 首报
 * dialog without using up its step, filed with the incident, carried by the alert to the leaders'
 * group, later ones forwarded as 现场图片 N 张, listed in 查询; limits refused in Chinese.
 */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiskFileStore } from "../../../../src/store/files/disk-file-store.ts";
import { startTestApp, type TestApp } from "../../../support/app.ts";
import { ConsoleClient } from "../../../support/console-client.ts";
import { TINY_PNG } from "../../../support/tiny-png.ts";
import { waitFor } from "../../../support/wait-for.ts";
import { alertCards, confirmAction, LEADERS_CHAT, REPORTER, UNIT_CHAT } from "./guided-report.ts";

const MAX_BYTES = 64 * 1024;
let test: TestApp;
let client: ConsoleClient;

beforeAll(async () => {
  const files = new DiskFileStore(await mkdtemp(join(tmpdir(), "kuaibao-photos-")), MAX_BYTES);
  test = await startTestApp({ files });
  client = new ConsoleClient(test.baseUrl);
}, 60_000);

afterAll(async () => {
  await test?.close();
});

const photo = (name: string) => ({ name, type: "image/png", bytes: TINY_PNG });

/** A shared place, as a platform adapter hands it over. */
function shareLocation(chatId: string, senderId: string, eventId: string) {
  return test.app.pipeline.handle({
    platform: "console",
    eventId,
    chatId,
    senderId,
    text: "",
    mentions: [],
    location: {
      name: "青山镇中心小学",
      address: "青山镇人民路8号",
      latitude: 28.123456,
      longitude: 115.654321,
    },
    receivedAt: new Date(),
  });
}

describe("photos during a 首报", () => {
  it("are kept with the dialog, refused over the limits, filed, carried by the alert and listed in 查询", {
    timeout: 90_000,
  }, async () => {
    const { prisma } = test.database;
    const start = await client.lastId(UNIT_CHAT);
    await client.say(UNIT_CHAT, REPORTER, "@bot 上报");
    await client.say(UNIT_CHAT, REPORTER, "2");
    await client.say(UNIT_CHAT, REPORTER, "刚才");
    // At the place step: a photo is taken without using up the step.
    let after = await client.lastId(UNIT_CHAT);
    const uploaded = await client.upload(UNIT_CHAT, REPORTER, photo("现场1.png"));
    expect(uploaded.files).toHaveLength(1);
    await client.botSays(UNIT_CHAT, "已收到现场图片 1 张（本次上报共 1 个", { after });
    after = await client.lastId(UNIT_CHAT);
    await client.upload(UNIT_CHAT, REPORTER, {
      name: "通知.pdf",
      type: "application/octet-stream",
      bytes: TINY_PNG,
    });
    await client.botSays(UNIT_CHAT, ["「通知.pdf」不是图片或视频"], { after });
    after = await client.lastId(UNIT_CHAT);
    await client.upload(UNIT_CHAT, REPORTER, {
      name: "大图.png",
      type: "image/png",
      bytes: new Uint8Array(MAX_BYTES + 1),
    });
    await client.botSays(UNIT_CHAT, "「大图.png」超过 64 KB", { after });
    // A shared place answers the place step.
    after = await client.lastId(UNIT_CHAT);
    const { chatId, personId } = await prisma.dialogSession.findFirstOrThrow();
    expect(await shareLocation(chatId, personId, "loc-1")).toBe("handled");
    await client.botSays(UNIT_CHAT, "（第 4/", { after });
    const session = await prisma.dialogSession.findFirstOrThrow();
    expect(session.stepId).toBe("summary");
    await client.say(UNIT_CHAT, REPORTER, "两车相撞，一车侧翻");
    await client.upload(UNIT_CHAT, REPORTER, photo("现场2.png"));
    await client.say(UNIT_CHAT, REPORTER, "3死5伤");
    const gradeCard = await client.botSays(UNIT_CHAT, "较大（建议）", { after: start });
    const grade = gradeCard.card?.buttons.find((b) => b.label.includes("较大（建议）"));
    await client.press(UNIT_CHAT, REPORTER, gradeCard.id, grade?.action ?? "");
    await client.say(UNIT_CHAT, REPORTER, "镇长已带队赶赴现场");
    await client.say(UNIT_CHAT, REPORTER, "钱镇长 13800000042");
    const summary = await client.botSays(UNIT_CHAT, ["请核对", "青山镇中心小学（青山镇人民路8号）"], {
      after: start,
    });
    await client.press(UNIT_CHAT, REPORTER, summary.id, confirmAction(summary));

    const incident = await waitFor("the incident to be alerted", async () => {
      const found = await prisma.incident.findFirst();
      return found?.alertedAt ? found : undefined;
    });
    expect(incident.location).toBe("青山镇中心小学（青山镇人民路8号）");
    const rows = await prisma.incidentAttachment.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.kind, r.name, r.incidentId])).toEqual([
      ["image", "现场1.png", incident.id],
      ["location", "青山镇中心小学", incident.id],
      ["image", "现场2.png", incident.id],
    ]);
    expect(rows[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[1]?.latitude).toBeCloseTo(28.123456, 6);

    await test.app.idle();
    const [alert] = alertCards(await client.botMessages(LEADERS_CHAT), incident.number);
    expect(alert?.files.map((f) => f.name)).toEqual(["现场1.png", "现场2.png"]);
    const served = await fetch(`${test.baseUrl}${alert?.files[0]?.url}`);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(TINY_PNG);

    // After filing, within the window: attached to the incident and forwarded as 现场图片 1 张.
    after = await client.lastId(UNIT_CHAT);
    const leadersBefore = await client.lastId(LEADERS_CHAT);
    await client.upload(UNIT_CHAT, REPORTER, photo("现场3.png"));
    await client.botSays(UNIT_CHAT, `已附在 ${incident.number} 上`, { after });
    const forwarded = await client.botSays(LEADERS_CHAT, `${incident.number} 现场图片 1 张`, {
      after: leadersBefore,
    });
    expect(forwarded.files.map((f) => f.name)).toEqual(["现场3.png"]);

    after = await client.lastId(UNIT_CHAT);
    await client.say(UNIT_CHAT, REPORTER, `@bot 查询 ${incident.number}`);
    const status = await client.botSays(UNIT_CHAT, "现场图片 3 张：现场1.png、现场2.png、现场3.png", {
      after,
    });
    expect(status.text).toContain("青山镇中心小学（青山镇人民路8号） (28.123456, 115.654321)");
    expect(status.files).toHaveLength(3);
  });

  it("with no dialog and no recent report, are answered with how to attach them", async () => {
    const after = await client.lastId("私聊 冯科员");
    await client.upload("私聊 冯科员", "冯科员", photo("随手拍.png"));
    await client.botSays("私聊 冯科员", "请先发「上报」", { after });
    expect(await test.database.prisma.incidentAttachment.count({ where: { name: "随手拍.png" } })).toBe(0);
  });

  it("a place shared before the 地点 question fills it, and the question is skipped", async () => {
    const { prisma } = test.database;
    const chat = "私聊 冯科员";
    await client.say(chat, "冯科员", "上报");
    const after = await client.lastId(chat);
    expect(await shareLocation("dm:feng-keyuan", "feng-keyuan", "loc-early")).toBe("handled");
    await client.botSays(chat, "已记下位置：青山镇中心小学（青山镇人民路8号）", { after });
    await client.say(chat, "冯科员", "2");
    await client.say(chat, "冯科员", "刚才");
    const session = await prisma.dialogSession.findFirstOrThrow({ where: { personId: "feng-keyuan" } });
    expect(session.stepId).toBe("summary");
    expect((session.data as { location?: string }).location).toBe("青山镇中心小学（青山镇人民路8号）");
    const kept = await prisma.incidentAttachment.findUniqueOrThrow({
      where: { sourceKey: "console-loc-early#location" },
    });
    expect([kept.sessionId, kept.longitude]).toEqual([session.id, 115.654321]);
  });
});
