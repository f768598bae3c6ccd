/**
 * The WeChat account's side (wechaty-puppet-mock, real app): a contact nobody knows is asked to
 * bind and is bound only with the code the duty office hands over; the login QR code and state
 * are served for the console page; a logout is reported to the duty office.
 */
import { afterEach, describe, expect, it } from "vitest";
import { waitFor } from "../../../../support/wait-for.ts";
import { startWechatWorld, type WechatWorld, wechatConfig } from "../../../../support/wechat-world.ts";

const DUTY = "总值班室";
let world: WechatWorld | undefined;

afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function startWithUnknownLisi(): Promise<WechatWorld> {
  const config = await wechatConfig();
  const lisi = config.org.people.find((p) => p.id === "lisi");
  if (lisi) delete lisi.wechat;
  return startWechatWorld({ config, unknown: ["阿四"] });
}

// Each test starts a whole app and a WeChat login; a busy 2-core machine needs the room.
describe("binding an unknown WeChat contact", { timeout: 60_000 }, () => {
  it("asks to bind, and binds only with the duty office's one-time code", async () => {
    world = await startWithUnknownLisi();
    const { prisma } = world.test.database;
    world.sayDirect("阿四", "帮助");
    await world.expectPost("阿四", ["还没有和通讯录中的人员对应", "绑定 您的姓名"]);

    world.sayDirect("阿四", "绑定 不存在的人");
    await world.expectPost("阿四", ["通讯录中没有「不存在的人」"]);

    world.sayDirect("阿四", "绑定 李四");
    await world.expectPost("阿四", ["已提交绑定申请（李四）"]);
    const notice = await world.expectPost(DUTY, ["微信绑定申请", "阿四", "李四", "白水乡"]);
    const code = /确认码 (\d{6})/.exec(notice.text)?.[1] as string;
    expect(code).toMatch(/^\d{6}$/);

    const wrong = code === "000000" ? "111111" : "000000";
    world.sayDirect("阿四", `确认码 ${wrong}`);
    await world.expectPost("阿四", ["确认码不对或已过期"]);
    expect(await prisma.platformBinding.count()).toBe(0);

    world.sayDirect("阿四", `确认码 ${code}`);
    await world.expectPost("阿四", ["绑定成功", "李四"]);
    await world.expectPost(DUTY, ["已绑定为 李四"]);
    const rows = await prisma.platformBinding.findMany();
    expect(rows).toMatchObject([{ platform: "wechat", kind: "person", orgId: "lisi", boundBy: "duty-code" }]);
    expect(rows[0]?.externalId).toBe(world.contacts.get("阿四")?.id);

    // Now known: a one-to-one message reaches the bot as 李四 and is answered in 李四's chat.
    const from = world.posted.length;
    world.sayDirect("阿四", "帮助");
    const help = await world.expectPost("阿四", ["上报"], from);
    expect(help.text).not.toContain("绑定");
  });

  it("does not let an unknown contact in a group through without @, and never as someone else", async () => {
    world = await startWithUnknownLisi();
    world.rooms.get("白水乡工作群")?.add(world.contacts.get("阿四") as never);
    await new Promise((resolve) => setTimeout(resolve, 200));
    world.say("白水乡工作群", "阿四", "大家好");
    world.say("白水乡工作群", "阿四", "@快报助手 上报");
    await world.expectPost("阿四", ["绑定 您的姓名"]);
    await world.settle();
    expect(world.posted.filter((p) => p.to === "白水乡工作群")).toEqual([]);
    expect(await world.test.database.prisma.dialogSession.count()).toBe(0);
  });
});

// Each test starts a whole app and a WeChat login; a busy 2-core machine needs the room.
describe("login state", { timeout: 60_000 }, () => {
  it("reports a logout, then serves the QR code while waiting for a scan, and the account once logged in", async () => {
    world = await startWechatWorld();
    const status = async () => (await fetch(`${world?.test.baseUrl}/api/wechat/status`)).json();
    expect(await status()).toMatchObject({ state: "logged-in", user: "快报助手" });
    // The console page's address answers the same, ahead of the static "off" file.
    const page = await (await fetch(`${world.test.baseUrl}/wechat-status.json`)).json();
    expect(page).toMatchObject({ state: "logged-in" });

    await world.mocker.puppet.logout();
    await waitFor("logged out", async () => (await status()).state === "logged-out");
    const w = world;
    const notice = await waitFor("the logout notice in the console's duty chat", async () => {
      const messages = await w.test.app.history.list("duty");
      return messages.find((m) => m.text.includes("微信掉线"));
    });
    expect(notice.text).toContain("扫码重新登录");

    world.mocker.scan("https://login.weixin.qq.com/l/test-qr", 2);
    const scanning = await waitFor("the scan state", async () => {
      const body = await status();
      return body.state === "scan" ? body : undefined;
    });
    expect(scanning.qrcode).toBe("https://login.weixin.qq.com/l/test-qr");
    expect(scanning.qrSvg).toMatch(/^<svg/);

    world.mocker.login(world.bot);
    await waitFor("logged in again", async () => (await status()).state === "logged-in");
  });
});
