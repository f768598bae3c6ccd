/**
 * 舆情 on WeChat (wechaty-puppet-mock): an item's card for the responsible unit, sent through the
 * app's send path with the unit's buttons (签收, 核实, 口径, 已回应, 转突发), shows a reply code for
 * each in the room, and `<code> 签收` typed there reaches the 舆情 capability's button handler
 * through the router, for that item: the item is signed and the room told so.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { opinionMessages as O } from "../../../../../src/handlers/opinion/messages.ts";
import {
  type OpinionAction,
  opinionActionValue,
} from "../../../../../src/handlers/opinion/opinion-actions.ts";
import { OpinionStore } from "../../../../../src/handlers/opinion/opinion-store.ts";
import { levelOf, opinionDues } from "../../../../../src/handlers/opinion/rules/opinion-level.ts";
import { sampleConfig } from "../../../../support/app.ts";
import { type Posted, startWechatWorld, type WechatWorld } from "../../../../support/wechat-world.ts";

const UNIT = "青山镇工作群";
const UNIT_BUTTONS: [string, OpinionAction][] = [
  [O.buttons.sign, "sign"],
  [O.buttons.verify, "verify"],
  [O.buttons.draft, "draft"],
  [O.buttons.respond, "respond"],
  [O.buttons.convert, "convert"],
];

let world: WechatWorld;

/** The reply code a post offers for a button: `回复「7 签收」…` → "7". */
function codeFor(post: Posted, label: string): string {
  const match = new RegExp(`「(\\d+) ${label}」`).exec(post.text);
  if (!match) throw new Error(`no reply code for ${label} in:\n${post.text}`);
  return match[1] as string;
}

beforeAll(async () => {
  world = await startWechatWorld();
}, 60_000);

afterAll(async () => {
  await world?.close();
});

describe("a 舆情 card in a WeChat room", { timeout: 60_000 }, () => {
  it("offers a reply code per button, and a code typed back reaches the item's button handler", async () => {
    const rules = (await sampleConfig()).policy.opinion;
    const foundAt = new Date();
    const { item } = await new OpinionStore(world.test.database.prisma).create({
      sourceKey: "wechat-opinion-1",
      source: "微博",
      link: "https://weibo.com/1234567890/AbCdEf",
      content: "微博网友发帖称青山镇李家村垃圾长期无人清运",
      unitId: "qingshan",
      foundAt,
      reads: null,
      reposts: null,
      comments: null,
      levelId: "general",
      registeredBy: "sun-zhiban",
      chatId: "duty",
      registeredAt: foundAt,
      ...opinionDues(levelOf(rules, "general"), foundAt),
      year: foundAt.getFullYear(),
    });
    await world.test.app.services.messenger.send({
      chatId: "qingshan-work",
      idempotencyKey: `wechat-opinion-card-${item.id}`,
      card: {
        title: O.heading(item.number),
        fields: [{ label: "内容", value: item.content }],
        buttons: UNIT_BUTTONS.map(([label, action]) => ({
          label,
          action: opinionActionValue(action, item.id),
        })),
      },
    });
    const card = await world.expectPost(UNIT, [O.heading(item.number), "签收」"]);
    const codes = UNIT_BUTTONS.map(([label]) => codeFor(card, label));
    // One code for the card, offered with each of its buttons.
    expect(new Set(codes).size).toBe(1);
    const code = codes[0] as string;

    const from = world.posted.length;
    world.say(UNIT, "张三", `${code} 签收`);
    // The 舆情 capability's 签收 answered the press, for this item, as 张三.
    const answer = await world.expectPost(UNIT, [`${item.number} 青山镇已签收（张三）`], from);
    expect(answer.text).not.toContain("回复码");
    const signed = await new OpinionStore(world.test.database.prisma).byId(item.id);
    expect(signed?.signedBy).toBe("zhangsan");
    expect(signed?.signedAt).not.toBeNull();

    // A code this room never got is refused, and nothing reaches the item.
    const before = world.posted.length;
    world.say(UNIT, "张三", `${Number(code) + 500} 签收`);
    await world.expectPost(UNIT, ["没有找到回复码"], before);
  });
});
