/**
 * The console in sign-in mode against the real app (test Redis, own database): nothing without a
 * session, a code sent to the person's own one-to-one chat, speaking only as oneself, reading only
 * one's own chats (admins: all, read-only), one-time links, sign-out, sessions surviving a restart,
 * rate limits, the audit trail, Host and Origin checks, and CONSOLE=off.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { ConsoleOptions } from "../../../../../src/app/console-auth/console-security.ts";
import type { Database } from "../../../../../src/store/database.ts";
import { startTestApp, type TestApp } from "../../../../support/app.ts";
import { ConsoleSession, latestCode, requestWithHost } from "../../../../support/console-session.ts";
import { openTestDatabase } from "../../../../support/database.ts";

const LINK_KEY = "k".repeat(43);
let apps: TestApp[] = [];
const databases: Database[] = [];

afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
  for (const database of databases.splice(0)) await database.close();
});

async function start(
  console: ConsoleOptions = { mode: "signin", linkKey: LINK_KEY },
  database?: Database,
): Promise<TestApp> {
  const test = await startTestApp({ console, database });
  apps.push(test);
  return test;
}

const signIn = (test: TestApp, who: string, personId: string) => {
  const session = new ConsoleSession(test.baseUrl);
  return {
    session,
    answer: session.signInWithCode(who, personId, test.database.prisma, () => test.app.idle()),
  };
};

/** A one-time link minted the way `npm run console:link` asks the running bot. */
async function mintLink(test: TestApp, person: string): Promise<string> {
  const answer = await new ConsoleSession(test.baseUrl).post(
    "/api/console/link",
    { person },
    { "x-kuaibao-link-key": LINK_KEY },
  );
  expect(answer.status, answer.text).toBe(200);
  return String(answer.json.url);
}

describe("console in sign-in mode", { timeout: 60_000 }, () => {
  it("answers 401 to every console request without a session and stores nothing", async () => {
    const test = await start();
    const anonymous = new ConsoleSession(test.baseUrl);
    expect((await anonymous.get("/api/console/me")).status).toBe(401);
    expect((await anonymous.get("/api/console/directory")).status).toBe(401);
    expect(
      (await anonymous.get(`/api/console/messages?chat=${encodeURIComponent("私聊 张三")}`)).status,
    ).toBe(401);
    expect((await anonymous.get("/api/console/stream")).status).toBe(401);
    const said = await anonymous.post("/api/console/messages", {
      chat: "青山镇工作群",
      sender: "张三",
      text: "上报",
    });
    expect(said.status).toBe(401);
    expect(said.json.error).toBe("请先登录控制台。");
    const pressed = await anonymous.post("/api/console/actions", {
      chat: "县领导群",
      sender: "李书记",
      messageId: 1,
      action: "ack",
    });
    expect(pressed.status).toBe(401);
    expect((await anonymous.get("/api/wechat/status")).status).toBe(401);
    await test.app.idle();
    expect(await test.database.prisma.consoleMessage.count()).toBe(0);
    // The page itself loads (it shows the sign-in screen), with the security headers.
    const page = await anonymous.get("/");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("signs 张三 in with a code sent to his own chat: he speaks only as himself and reads only his chats", async () => {
    const test = await start();
    const { session, answer } = signIn(test, "张三", "zhangsan");
    const signedIn = await answer;
    expect(signedIn.status, signedIn.text).toBe(200);
    expect(session.cookie).toBeDefined();
    expect(signedIn.headers.get("set-cookie")).toMatch(/HttpOnly/i);
    expect(signedIn.headers.get("set-cookie")).toMatch(/SameSite=Strict/i);
    expect((await session.get("/api/console/me")).json.me).toMatchObject({ id: "zhangsan", admin: false });

    const asLeader = await session.post("/api/console/messages", {
      chat: "县领导群",
      sender: "李书记",
      text: "已阅",
    });
    expect(asLeader.status).toBe(403);
    expect(asLeader.json.field).toBe("sender");
    const asLeaderHere = await session.post("/api/console/messages", {
      chat: "青山镇工作群",
      sender: "li-shuji",
      text: "@快报助手 帮助",
    });
    expect(asLeaderHere.status).toBe(403);
    expect(await test.database.prisma.consoleMessage.count({ where: { senderId: "li-shuji" } })).toBe(0);

    const own = await session.post("/api/console/messages", { chat: "私聊 张三", text: "帮助" });
    expect(own.status, own.text).toBe(200);
    expect(own.json.message).toMatchObject({ sender: "zhangsan" });

    expect((await session.get(`/api/console/messages?chat=${encodeURIComponent("私聊 李四")}`)).status).toBe(
      403,
    );
    expect((await session.get(`/api/console/messages?chat=${encodeURIComponent("县领导群")}`)).status).toBe(
      403,
    );
    expect(
      (await session.get(`/api/console/messages?chat=${encodeURIComponent("青山镇工作群")}`)).status,
    ).toBe(200);

    const directory = (await session.get("/api/console/directory")).json as {
      me: string;
      chats: { id: string }[];
      people: Record<string, unknown>[];
    };
    expect(directory.me).toBe("zhangsan");
    expect(directory.chats.map((c) => c.id).sort()).toEqual(["dm:zhangsan", "qingshan-work"]);
    expect(directory.people.map((p) => p.id).sort()).toEqual(["qian-zhenzhang", "sun-zhiban", "zhangsan"]);
    expect(JSON.stringify(directory)).not.toMatch(/1380000/);

    const rows = await test.database.prisma.consoleSignIn.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.personId, r.method, r.outcome])).toEqual([
      ["zhangsan", "code", "code-sent"],
      ["zhangsan", "code", "ok"],
    ]);
    expect(rows.every((r) => r.ip.length > 0)).toBe(true);
  });

  it("follows only the signed-in person's chats live", async () => {
    const test = await start();
    const { session, answer } = signIn(test, "13800000041", "zhangsan");
    expect((await answer).status).toBe(200);
    const controller = new AbortController();
    const response = await fetch(`${test.baseUrl}/api/console/stream`, {
      headers: { cookie: session.cookie ?? "" },
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read(); // ": connected"
    await test.app.inbox.say("县领导群", "李书记", "县领导群里的话");
    await test.app.inbox.say("私聊 张三", "张三", "张三自己的话");
    let seen = "";
    while (!seen.includes("张三自己的话")) seen += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    expect(seen).not.toContain("县领导群里的话");
  });

  it("refuses a wrong code, logs it, and leaves the person signed out", async () => {
    const test = await start();
    const session = new ConsoleSession(test.baseUrl);
    expect((await session.post("/api/console/sign-in/code", { who: "张三" })).status).toBe(200);
    await test.app.idle();
    const code = (await latestCode(test.database.prisma, "zhangsan")) as string;
    const wrong = code === "000000" ? "111111" : "000000";
    const refused = await session.post("/api/console/sign-in", { who: "张三", code: wrong });
    expect(refused.status).toBe(401);
    expect(refused.json.error).toMatch(/验证码不对/);
    expect((await session.get("/api/console/me")).status).toBe(401);
    const bad = await session.post("/api/console/sign-in", { who: "张三", code: "12ab" });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ field: "code", error: "验证码（code）应为 6 位数字。" });
    const noWho = await session.post("/api/console/sign-in/code", {});
    expect(noWho.status).toBe(400);
    expect(noWho.json).toMatchObject({ field: "who", error: "请填写姓名或手机号（who）。" });
    const outcomes = await test.database.prisma.consoleSignIn.findMany({ orderBy: { id: "asc" } });
    expect(outcomes.map((r) => r.outcome)).toEqual(["code-sent", "wrong-code"]);
  });

  it("answers a request for an unknown name as for a known one, and 429 after too many", async () => {
    const test = await start();
    const session = new ConsoleSession(test.baseUrl);
    const known = await session.post("/api/console/sign-in/code", { who: "张三" });
    const unknown = await session.post("/api/console/sign-in/code", { who: "不存在的人" });
    expect(unknown.status).toBe(known.status);
    expect(unknown.json).toEqual(known.json);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await session.post("/api/console/sign-in/code", { who: "张三" })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    const limited = await session.post("/api/console/sign-in/code", { who: "张三" });
    expect(limited.json.error).toBe("操作太频繁，请稍后再试。");
  });

  it("lets an admin read any chat but post only as themselves; a link works once", async () => {
    const test = await start();
    await test.app.inbox.say("私聊 张三", "张三", "张三的私聊");
    const link = await mintLink(test, "赵秘书长");
    const admin = new ConsoleSession(test.baseUrl);
    const first = await admin.get(new URL(link).pathname + new URL(link).search);
    expect(first.status).toBe(303);
    expect((await admin.get("/api/console/me")).json.me).toMatchObject({
      id: "zhao-mishuzhang",
      admin: true,
    });
    const again = await new ConsoleSession(test.baseUrl).get(new URL(link).pathname + new URL(link).search);
    expect(again.status).toBe(401);

    const dm = await admin.get(`/api/console/messages?chat=${encodeURIComponent("私聊 张三")}`);
    expect(dm.status).toBe(200);
    expect(JSON.stringify(dm.json)).toContain("张三的私聊");
    const directory = (await admin.get("/api/console/directory")).json as { chats: unknown[] };
    expect(directory.chats.length).toBeGreaterThan(20);
    expect(
      (await admin.post("/api/console/messages", { chat: "私聊 张三", sender: "张三", text: "冒充" })).status,
    ).toBe(403);
    expect((await admin.post("/api/console/messages", { chat: "私聊 张三", text: "冒充" })).status).toBe(403);
    expect(await test.database.prisma.consoleMessage.count({ where: { text: "冒充" } })).toBe(0);

    const methods = await test.database.prisma.consoleSignIn.findMany({ orderBy: { id: "asc" } });
    expect(methods.map((r) => [r.personId, r.method, r.outcome])).toEqual([
      ["zhao-mishuzhang", "link", "ok"],
      [null, "link", "expired"],
    ]);
    // The link endpoint wants the local key.
    const noKey = await new ConsoleSession(test.baseUrl).post("/api/console/link", { person: "赵秘书长" });
    expect(noKey.status).toBe(403);
  });

  it("keeps a session across a restart on the same database, until sign-out", async () => {
    const database = await openTestDatabase();
    databases.push(database);
    const first = await start({ mode: "signin" }, database);
    const { session, answer } = signIn(first, "张三", "zhangsan");
    expect((await answer).status).toBe(200);
    await first.close();
    apps = apps.filter((a) => a !== first);

    const second = await start({ mode: "signin" }, database);
    const again = new ConsoleSession(second.baseUrl);
    again.cookie = session.cookie;
    expect((await again.get("/api/console/me")).json.me).toMatchObject({ id: "zhangsan" });
    expect((await again.post("/api/console/sign-out", {})).status).toBe(200);
    expect((await again.get("/api/console/me")).status).toBe(401);
    // The old cookie is worthless too: the session is gone from the database.
    const stale = new ConsoleSession(second.baseUrl);
    stale.cookie = session.cookie;
    expect((await stale.get("/api/console/directory")).status).toBe(401);
    expect(await database.prisma.consoleSession.count()).toBe(0);
  });
});

describe("Host and Origin", { timeout: 60_000 }, () => {
  it("refuses a wrong Host and a foreign or missing Origin, in the demo too", async () => {
    const test = await start({ mode: "demo" });
    const port = new URL(test.baseUrl).port;
    const rebinding = await requestWithHost(test.baseUrl, {
      path: "/api/console/directory",
      host: `evil.example:${port}`,
    });
    expect(rebinding.status).toBe(421);
    expect(rebinding.body).toMatch(/Host/);
    expect(
      (await requestWithHost(test.baseUrl, { path: "/healthz", host: `localhost:${port}` })).status,
    ).toBe(200);

    const demo = new ConsoleSession(test.baseUrl);
    const body = { chat: "私聊 张三", sender: "张三", text: "帮助" };
    const foreign = await demo.post("/api/console/messages", body, { origin: "http://evil.example" });
    expect(foreign.status).toBe(403);
    expect(foreign.json.error).toMatch(/Origin/);
    const none = await demo.send("POST", "/api/console/messages", body, {});
    expect(none.status).toBe(403);
    const byReferer = await demo.send("POST", "/api/console/messages", body, { referer: `${test.baseUrl}/` });
    expect(byReferer.status).toBe(200);
    await test.app.idle();
    expect(await test.database.prisma.consoleMessage.count({ where: { senderId: "zhangsan" } })).toBe(1);
  });

  it("serves no console with CONSOLE=off but keeps /healthz", async () => {
    const test = await start({ mode: "off" });
    const client = new ConsoleSession(test.baseUrl);
    expect((await client.get("/")).status).toBe(404);
    expect((await client.get("/api/console/directory")).status).toBe(404);
    expect(
      (await client.post("/api/console/messages", { chat: "私聊 张三", sender: "张三", text: "帮助" }))
        .status,
    ).toBe(404);
    expect((await client.get("/healthz")).status).toBe(200);
  });
});
