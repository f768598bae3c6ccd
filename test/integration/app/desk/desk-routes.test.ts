/**
 * The desk's routes against the real app in sign-in mode (test Redis, own database), with the
 * {@link DeskProbe} beside the real capabilities: 401 without a session, panels and item pages as
 * each viewer may see them, actions done through the chat pipeline (refusing a foreign item, an
 * unknown action and a missing text), documents and listed files only, live `changed` events.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConsoleSession } from "../../../support/console-session.ts";
import { type DeskTestApp, startDeskApp } from "../../../support/desk-app.ts";
import { PROBE_TEXTS } from "../../../support/desk-probe.ts";
import { SseEvents } from "../../../support/sse-events.ts";
import { TINY_PNG } from "../../../support/tiny-png.ts";

let desk: DeskTestApp;
let leader: ConsoleSession;
let reporter: ConsoleSession;

beforeAll(async () => {
  desk = await startDeskApp();
  leader = await desk.signIn("li-shuji");
  reporter = await desk.signIn("zhangsan");
});
afterAll(async () => {
  await desk?.close();
});

const botTexts = async (chatId: string) =>
  (await desk.test.app.history.list(chatId, 0)).filter((m) => m.sender === null).map((m) => m.text);

describe("desk routes, signed in", { timeout: 60_000 }, () => {
  it("answers 401 in Chinese to every API request without a session, and serves the page", async () => {
    const anonymous = new ConsoleSession(desk.test.baseUrl);
    for (const path of [
      "/desk/api/board",
      "/desk/api/items/probe/p-1",
      "/desk/api/documents/probe-sheet",
      "/desk/api/stream",
      "/desk/api/files/x?item=probe:p-1",
    ]) {
      const answer = await anonymous.get(path);
      expect(answer.status, path).toBe(401);
      expect(String(answer.json.error), path).toMatch(/请先登录/);
    }
    const posted = await anonymous.post("/desk/api/items/probe/p-1/actions/ack", {});
    expect(posted.status).toBe(401);
    const viewer = await anonymous.get("/desk/api/viewer");
    expect(viewer.json).toMatchObject({ mode: "signin", me: null, signIn: "/" });
    expect(viewer.json.people).toBeUndefined();
    const page = await anonymous.get("/desk/items/probe/p-1");
    expect(page.status).toBe(200);
    expect(page.text).toContain('id="desk-texts"');
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self';");
  });

  it("shows each viewer the panels and documents theirs to see", async () => {
    desk.probe.rows.splice(0, desk.probe.rows.length, "青山镇山体滑坡");
    const board = await leader.get("/desk/api/board");
    expect(board.status).toBe(200);
    expect(board.json.me).toMatchObject({ id: "li-shuji", name: "李书记", admin: false });
    const panels = board.json.panels as { id: string; count?: number }[];
    expect(panels.find((p) => p.id === "probe")?.count).toBe(1);
    expect((board.json.documents as { id: string }[]).map((d) => d.id)).toContain("probe-sheet");
    const theirs = await reporter.get("/desk/api/board");
    expect((theirs.json.panels as { id: string }[]).map((p) => p.id)).not.toContain("probe");
    expect(theirs.json.documents).toEqual([]);
  });

  it("serves an item page only to whom it is for", async () => {
    expect((await leader.get("/desk/api/items/probe/p-1")).json).toMatchObject({ title: "p-1 探针事项" });
    const foreign = await reporter.get("/desk/api/items/probe/p-1");
    expect(foreign.status).toBe(404);
    expect(String(foreign.json.error)).toMatch(/没有这个事项/);
    expect((await leader.get("/desk/api/items/nothing/1")).status).toBe(404);
  });

  it("refuses a foreign item, an unknown action and a missing text, and changes nothing", async () => {
    const before = (await desk.test.app.history.list("leaders", 0)).length;
    const foreign = await reporter.post("/desk/api/items/probe/p-1/actions/ack", {});
    expect(foreign.status).toBe(404);
    const unknown = await leader.post("/desk/api/items/probe/p-1/actions/delete", {});
    expect(unknown.status).toBe(404);
    expect(unknown.json.field).toBe("actionId");
    const noText = await leader.post("/desk/api/items/probe/p-1/actions/note", { text: "  " });
    expect(noText.status).toBe(400);
    expect(noText.json).toMatchObject({ field: "text", error: "请填写批注内容。" });
    await desk.test.app.idle();
    expect((await desk.test.app.history.list("leaders", 0)).length).toBe(before);
  });

  it("does a press as the viewer in the action's chat, through the pipeline", async () => {
    const pressed = await leader.post("/desk/api/items/probe/p-1/actions/ack", {
      text: "ignored",
      chatId: "duty",
      press: "other:thing",
    });
    expect(pressed.status, pressed.text).toBe(200);
    expect(pressed.json).toMatchObject({ ok: true, chatId: "leaders" });
    await desk.test.app.idle();
    expect(await botTexts("leaders")).toContain(PROBE_TEXTS.pressed("李书记"));
  });

  it("says a command with the text typed, with an @ to the bot in a group and none one-to-one", async () => {
    const said = await leader.post("/desk/api/items/probe/p-1/actions/note", { text: "请速核实" });
    expect(said.status, said.text).toBe(200);
    const saidDm = await leader.post("/desk/api/items/probe/p-1/actions/note-dm", { text: "私下核实" });
    expect(saidDm.status, saidDm.text).toBe(200);
    await desk.test.app.idle();
    const group = await desk.test.app.history.list("leaders", 0);
    const mine = group.filter((m) => m.sender === "li-shuji").map((m) => m.text);
    expect(mine).toContain("@快报助手 批注 p-1 请速核实");
    expect(await botTexts("leaders")).toContain(PROBE_TEXTS.noted("请速核实"));
    const dm = await desk.test.app.history.list("dm:li-shuji", 0);
    expect(dm.filter((m) => m.sender === "li-shuji").map((m) => m.text)).toContain("批注 p-1 私下核实");
    expect(await botTexts("dm:li-shuji")).toContain(PROBE_TEXTS.noted("私下核实"));
  });

  it("downloads a document with its Chinese name, 404 for nothing, 400 naming a bad param", async () => {
    const file = await fetch(`${desk.test.baseUrl}/desk/api/documents/probe-sheet?n=1`, {
      headers: { cookie: leader.cookie ?? "" },
    });
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toContain("spreadsheetml");
    const disposition = file.headers.get("content-disposition") ?? "";
    expect(disposition).toMatch(/^attachment; filename="[ -~]+"; filename\*=UTF-8''/);
    expect(disposition).toContain(
      `filename*=UTF-8''${encodeURIComponent(PROBE_TEXTS.fileName).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
    );
    expect([...new Uint8Array(await file.arrayBuffer())]).toEqual([1, 2, 3]);
    expect((await leader.get("/desk/api/documents/nothing")).status).toBe(404);
    expect((await leader.get("/desk/api/documents/probe-sheet?n=404")).status).toBe(404);
    expect((await reporter.get("/desk/api/documents/probe-sheet")).status).toBe(404);
    const bad = await leader.get("/desk/api/documents/probe-sheet?n=abc");
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ field: "n", error: "编号应为数字。" });
  });

  it("serves a file only to a viewer whose item page lists it", async () => {
    const files = desk.test.app.services.files;
    if (!files) throw new Error("the test app has a file store");
    const png = TINY_PNG;
    const listed = await files.put(png, { name: "现场.png", mimeType: "image/png" });
    const unlisted = await files.put(new Uint8Array([9]), {
      name: "other.bin",
      mimeType: "application/octet-stream",
    });
    desk.probe.photoKey = listed.key;
    const shown = await fetch(
      `${desk.test.baseUrl}/desk/api/files/${encodeURIComponent(listed.key)}?item=probe:p-1`,
      { headers: { cookie: leader.cookie ?? "" } },
    );
    expect(shown.status).toBe(200);
    expect(shown.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await shown.arrayBuffer())).toEqual(png);
    const key = encodeURIComponent(listed.key);
    expect((await reporter.get(`/desk/api/files/${key}?item=probe:p-1`)).status).toBe(404);
    expect(
      (await leader.get(`/desk/api/files/${encodeURIComponent(unlisted.key)}?item=probe:p-1`)).status,
    ).toBe(404);
    const noItem = await leader.get(`/desk/api/files/${key}`);
    expect(noItem.status).toBe(400);
    expect(noItem.json.field).toBe("item");
  });

  it("tells an open stream that the desk changed once a chat event has been handled", async () => {
    const stream = await SseEvents.open(`${leader.url}/desk/api/stream`, { cookie: leader.cookie ?? "" });
    try {
      await stream.next((e) => e.event === "availability");
      const from = stream.count;
      await desk.test.app.inbox.say("qingshan-work", "zhangsan", "@快报助手 帮助");
      await stream.next((e) => e.event === "changed", { from });
    } finally {
      stream.close();
    }
  });
});
