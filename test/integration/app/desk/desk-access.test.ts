/**
 * Who may use the desk in each console mode: the loopback demo lets the visitor pick whom to view
 * as (never on a non-loopback address), CONSOLE=off has no desk, and the queue board under
 * /desk/queues is for admins only — under a CSP relaxed for its styles on its own routes alone.
 */
import { afterEach, describe, expect, it } from "vitest";
import { ConsoleSession } from "../../../support/console-session.ts";
import { type DeskTestApp, startDeskApp } from "../../../support/desk-app.ts";

const apps: DeskTestApp[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});
async function start(...args: Parameters<typeof startDeskApp>): Promise<DeskTestApp> {
  const app = await startDeskApp(...args);
  apps.push(app);
  return app;
}

/** A visitor of the demo who picked `personId` (the cookie the page sets). */
function picked(url: string, personId: string): ConsoleSession {
  const session = new ConsoleSession(url);
  session.cookie = `kuaibao_desk_as=${personId}`;
  return session;
}

describe("desk access", { timeout: 60_000 }, () => {
  it("in the loopback demo, shows the board as the person picked, and asks for a pick first", async () => {
    const desk = await start({ console: { mode: "demo" } });
    const visitor = new ConsoleSession(desk.test.baseUrl);
    const viewer = await visitor.get("/desk/api/viewer");
    expect(viewer.json).toMatchObject({ mode: "demo", me: null });
    expect((viewer.json.people as { id: string }[]).map((p) => p.id)).toContain("li-shuji");
    const none = await visitor.get("/desk/api/board");
    expect(none.status).toBe(401);
    expect(none.json.error).toBe("请先选择以谁的身份查看值班台。");
    const board = await picked(desk.test.baseUrl, "li-shuji").get("/desk/api/board");
    expect(board.status).toBe(200);
    expect(board.json.me).toMatchObject({ id: "li-shuji" });
    const stranger = await picked(desk.test.baseUrl, "nobody").get("/desk/api/board");
    expect(stranger.status).toBe(401);
  });

  it("never honours the pick on a non-loopback address", async () => {
    const desk = await start({ console: { mode: "demo" }, host: "0.0.0.0" });
    const url = desk.test.baseUrl.replace("0.0.0.0", "127.0.0.1");
    const visitor = picked(url, "zhao-mishuzhang");
    const viewer = await visitor.get("/desk/api/viewer");
    expect(viewer.json).toMatchObject({ mode: "signin", me: null });
    expect(viewer.json.people).toBeUndefined();
    expect((await visitor.get("/desk/api/board")).status).toBe(401);
    expect((await visitor.get("/desk/queues")).status).toBe(401);
  });

  it("has no desk when the console is off", async () => {
    const desk = await start({ console: { mode: "off" } });
    const visitor = new ConsoleSession(desk.test.baseUrl);
    expect((await visitor.get("/desk")).status).toBe(404);
    expect((await visitor.get("/desk/api/board")).status).toBe(404);
    expect((await visitor.get("/desk/queues")).status).toBe(404);
  });

  it("opens the queue board to admins only, with retry of failed jobs, under its own CSP", async () => {
    const desk = await start();
    const anonymous = new ConsoleSession(desk.test.baseUrl);
    expect((await anonymous.get("/desk/queues")).status).toBe(401);
    expect((await anonymous.get("/desk/queues/api/queues")).status).toBe(401);
    const leader = await desk.signIn("li-shuji");
    const refused = await leader.get("/desk/queues/api/queues");
    expect(refused.status).toBe(403);
    expect(refused.json.error).toBe("只有管理员可以查看任务队列。");
    expect(
      (
        await leader.send("PUT", "/desk/queues/api/queues/jobs/retry/failed", undefined, {
          origin: leader.url,
        })
      ).status,
    ).toBe(403);

    const admin = await desk.signIn("zhao-mishuzhang");
    const page = await admin.get("/desk/queues");
    expect(page.status).toBe(200);
    expect(page.text).toContain("<title>快报任务队列</title>");
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("script-src 'self';");
    const script = page.text.match(/src="(static\/js\/main[^"]+)"/)?.[1];
    expect((await admin.get(`/desk/queues/${script}`)).status).toBe(200);
    const queues = await admin.get("/desk/queues/api/queues");
    const names = (queues.json.queues as { name: string }[]).map((q) => q.name);
    expect(names).toEqual(expect.arrayContaining(["jobs", "inbound-console", "outbound-console"]));
    const retry = await admin.send("PUT", "/desk/queues/api/queues/jobs/retry/failed", undefined, {
      origin: admin.url,
    });
    expect(retry.status).toBe(200);
    // The desk's own page keeps the strict policy.
    expect((await admin.get("/desk")).headers.get("content-security-policy")).toContain("style-src 'self';");
  });
});
