/**
 * The console's sign-in with Feishu configured, against the fake Feishu server: the code asked for
 * on the sign-in page arrives as a Feishu one-to-one message, and 飞书登录 (OAuth of the same app)
 * signs in the person whose open_id the org file names.
 */
import { describe, expect, it } from "vitest";
import { ConsoleSession } from "../../../../support/console-session.ts";
import { FAKE_APP_ID, FAKE_APP_SECRET } from "../../../../support/fake-feishu/fake-feishu-server.ts";
import { openIdOf, useFakeFeishu } from "../../../../support/fake-feishu/feishu-test-app.ts";

describe("console sign-in with Feishu", { timeout: 60_000 }, () => {
  const feishu = useFakeFeishu();
  const startSignIn = () =>
    feishu.start({
      console: {
        mode: "signin",
        feishuOAuth: { appId: FAKE_APP_ID, appSecret: FAKE_APP_SECRET, domain: feishu.fake.url },
      },
    });

  it("sends the code as a Feishu message to the person, and it signs them in", async () => {
    const app = await startSignIn();
    const session = new ConsoleSession(app.test.baseUrl);
    const me = await session.get("/api/console/me");
    expect(me.status).toBe(401);
    expect(me.json.feishu).toBe(true);
    expect((await session.post("/api/console/sign-in/code", { who: "13800000041" })).status).toBe(200);
    await app.settle();
    const sent = feishu.fake.messagesTo(openIdOf("zhangsan")).map((m) => JSON.stringify(m.content));
    const code = sent.find((text) => text.includes("控制台登录验证码"))?.match(/\d{6}/)?.[0];
    expect(code).toMatch(/^\d{6}$/);
    const signedIn = await session.post("/api/console/sign-in", { who: "张三", code });
    expect(signedIn.status, signedIn.text).toBe(200);
    expect((await session.get("/api/console/me")).json.me).toMatchObject({ id: "zhangsan" });
  });

  it("signs in with Feishu OAuth as the person with that open_id, and refuses a stranger", async () => {
    const app = await startSignIn();
    const session = new ConsoleSession(app.test.baseUrl);
    feishu.fake.signedInUser = openIdOf("li-shuji");
    const toFeishu = await session.get("/sign-in/feishu");
    expect(toFeishu.status).toBe(302);
    const authorize = new URL(String(toFeishu.headers.get("location")));
    expect(authorize.origin).toBe(feishu.fake.url);
    expect(authorize.searchParams.get("client_id")).toBe(FAKE_APP_ID);
    const back = await fetch(authorize, { redirect: "manual" });
    const callback = new URL(String(back.headers.get("location")));
    const landed = await session.get(callback.pathname + callback.search);
    expect(landed.status, landed.text).toBe(303);
    expect((await session.get("/api/console/me")).json.me).toMatchObject({ id: "li-shuji" });
    expect(feishu.fake.callsTo("/open-apis/authen/v2/oauth/token", "POST")).toHaveLength(1);

    const stranger = new ConsoleSession(app.test.baseUrl);
    feishu.fake.signedInUser = "ou_stranger";
    const again = new URL(String((await stranger.get("/sign-in/feishu")).headers.get("location")));
    const strangerBack = new URL(
      String((await fetch(again, { redirect: "manual" })).headers.get("location")),
    );
    expect((await stranger.get(strangerBack.pathname + strangerBack.search)).status).toBe(403);
    expect((await stranger.get("/api/console/me")).status).toBe(401);
    // A forged callback (state not from this session) is refused.
    const forged = await new ConsoleSession(app.test.baseUrl).get("/sign-in/feishu/callback?code=x&state=y");
    expect(forged.status).toBe(401);

    const audit = await app.test.database.prisma.consoleSignIn.findMany({ orderBy: { id: "asc" } });
    expect(audit.map((r) => [r.personId, r.method, r.outcome])).toEqual([
      ["li-shuji", "feishu", "ok"],
      [null, "feishu", "feishu-unknown"],
      [null, "feishu", "feishu-failed"],
    ]);
  });
});
