/**
 * The responsible unit's and the approvers' steps on a 舆情 item (签收, 核实, 口径, 同意发布,
 * 修改意见, 已回应) through the real app and the console:
 * items put on file as a confirmed 登记 files them (their clocks armed on a virtual-time scheduler,
 * the alert counted as sent, an alert card with the item's buttons posted to the leaders' group,
 * the duty group and the unit's group), then people press buttons and type. Checks what the
 * database holds, which clocks still wait, and what each chat is told.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { opinionMessages as O } from "../../../../../src/handlers/opinion/messages.ts";
import { opinionActionValue } from "../../../../../src/handlers/opinion/opinion-actions.ts";
import type { OpinionItem } from "../../../../../src/handlers/opinion/opinion-types.ts";
import { DUTY, LEADERS, OpinionConsole, QINGSHAN } from "../opinion-console.ts";

let w: OpinionConsole;

beforeAll(async () => {
  w = await OpinionConsole.open("answer");
}, 120_000);

afterAll(async () => {
  await w?.close();
});

const stageKeys = (id: number, stage: "verify" | "respond") =>
  w.waitingFor(id).filter((k) => k.startsWith(`opinion-${id}-${stage}-`));

/** Puts a 口径 on the item as the unit's director typing it (checked by the 口径 test). */
async function draftTyped(item: OpinionItem, text: string): Promise<void> {
  const after = await w.say(QINGSHAN, "钱镇长", `@快报助手 口径 ${item.number} ${text}`);
  await w.client.botSays(QINGSHAN, `${item.number} 的回应口径已报送审核`, { after });
}

describe("签收", () => {
  it("by the unit card's button: recorded once, told to the unit's group and the duty group", {
    timeout: 60_000,
  }, async () => {
    const item = await w.fileItem();
    const dutyAfter = await w.client.lastId(DUTY);
    let after = await w.press(QINGSHAN, "张三", "签收");
    await w.client.botSays(QINGSHAN, `${item.number} 青山镇已签收（张三）`, { after });
    await w.client.botSays(DUTY, `${item.number} 青山镇已签收`, { after: dutyAfter });
    expect(await w.fresh(item.id)).toMatchObject({ signedBy: "zhangsan" });
    expect((await w.fresh(item.id)).signedAt).not.toBeNull();

    after = await w.say(QINGSHAN, "钱镇长", `签收 ${item.number}`);
    await w.client.botSays(QINGSHAN, [item.number, "已由张三于", "无需重复"], { after });
    expect((await w.kinds(item.id)).filter((k) => k === "signed")).toHaveLength(1);
    expect((await w.fresh(item.id)).signedBy).toBe("zhangsan");
  });

  it("is refused for people outside the responsible unit; a bare 签收 stays the 督办's", {
    timeout: 60_000,
  }, async () => {
    const item = await w.fileItem();
    let after = await w.press(QINGSHAN, "孙值班", "签收");
    await w.client.botSays(QINGSHAN, "只有青山镇的负责人和信息员可以操作", { after });
    after = await w.say("白水乡工作群", "李四", `@快报助手 签收 ${item.number}`);
    await w.client.botSays("白水乡工作群", "只有青山镇的负责人和信息员可以操作", { after });
    after = await w.say(QINGSHAN, "张三", "@快报助手 签收");
    const answer = (await w.client.botMessages(QINGSHAN, after)).map((m) => m.text).join("\n");
    expect(answer).not.toContain(item.number);
    expect((await w.fresh(item.id)).signedAt).toBeNull();
    expect(await w.kinds(item.id)).not.toContain("signed");

    after = await w.say(QINGSHAN, "张三", "@快报助手 签收 Y2026-9999");
    await w.client.botSays(QINGSHAN, O.unknownNumber("Y2026-9999"), { after });
  });
});

describe("核实", () => {
  it("typed: signs first, records the verification, stops the 核实 clocks only, tells duty and leaders", {
    timeout: 60_000,
  }, async () => {
    const item = await w.fileItem();
    expect(stageKeys(item.id, "verify").length).toBeGreaterThan(0);
    const leadersAfter = await w.client.lastId(LEADERS);
    const after = await w.say(QINGSHAN, "张三", `@快报助手 核实 ${item.number} 情况属实，已调车清运`);
    await w.client.botSays(QINGSHAN, `${item.number} 核实情况已报送`, { after });
    await w.client.botSays(LEADERS, `【核实】${item.number} 青山镇（张三）：情况属实，已调车清运`, {
      after: leadersAfter,
    });
    expect(await w.fresh(item.id)).toMatchObject({
      signedBy: "zhangsan",
      verifiedBy: "zhangsan",
      verification: "情况属实，已调车清运",
    });
    expect(await w.kinds(item.id)).toEqual(["registered", "signed", "verified"]);
    expect(stageKeys(item.id, "verify")).toEqual([]);
    expect(stageKeys(item.id, "respond").length).toBeGreaterThan(0);
  });

  it("by the button: asks for the 情况 in a short dialog; refused for others; once", {
    timeout: 60_000,
  }, async () => {
    const item = await w.fileItem();
    let after = await w.press(QINGSHAN, "孙值班", "核实");
    await w.client.botSays(QINGSHAN, "只有青山镇的负责人和信息员可以操作", { after });
    expect((await w.saidAfter(QINGSHAN, after)).some((t) => t.includes("请写"))).toBe(false);

    after = await w.press(QINGSHAN, "钱镇长", "核实");
    await w.client.botSays(QINGSHAN, `请写 ${item.number} 的核实情况`, { after });
    after = await w.say(QINGSHAN, "钱镇长", "属实");
    await w.client.botSays(QINGSHAN, ["请核对", "确认报送"], { after });
    after = await w.say(QINGSHAN, "钱镇长", "确认");
    await w.client.botSays(QINGSHAN, `${item.number} 核实情况已报送`, { after });

    after = await w.say(QINGSHAN, "张三", `@快报助手 核实 ${item.number} 再说一次`);
    await w.client.botSays(QINGSHAN, [item.number, "已由钱镇长于", "无需重复"], { after });
    expect((await w.kinds(item.id)).filter((k) => k === "verified")).toHaveLength(1);
    expect((await w.fresh(item.id)).verification).toBe("属实");
  });
});

describe("口径, 同意发布, 修改意见", () => {
  it("a 口径 goes to the leaders as a review card mentioning the approvers; a second waits its turn", {
    timeout: 60_000,
  }, async () => {
    const item = await w.fileItem();
    const leadersAfter = await w.client.lastId(LEADERS);
    await draftTyped(item, "经核实，已清运完毕。");
    const card = await w.client.botSays(LEADERS, `【口径审核】${item.number}`, { after: leadersAfter });
    expect(card.card?.fields).toContainEqual({ label: "拟回应口径", value: "经核实，已清运完毕。" });
    expect(card.card?.buttons.map((b) => b.action)).toEqual([
      opinionActionValue("approve", item.id),
      opinionActionValue("revise", item.id),
    ]);
    expect([...card.mentions].sort()).toEqual(["李书记", "王县长", "赵秘书长"].sort());
    expect(await w.fresh(item.id)).toMatchObject({
      draft: "经核实，已清运完毕。",
      draftBy: "qian-zhenzhang",
    });

    const after = await w.say(QINGSHAN, "张三", `@快报助手 口径 ${item.number} 另一版`);
    await w.client.botSays(QINGSHAN, `${item.number} 的口径正在审核`, { after });
    expect((await w.fresh(item.id)).draft).toBe("经核实，已清运完毕。");
    expect((await w.kinds(item.id)).filter((k) => k === "drafted")).toHaveLength(1);
  });

  it("同意发布: refused for the unit and the duty office; by a leader's press, once (two presses at once)", {
    timeout: 60_000,
  }, async () => {
    const item = await w.fileItem();
    let after = await w.say(QINGSHAN, "张三", `@快报助手 同意发布 ${item.number}`);
    await w.client.botSays(QINGSHAN, "只有县领导可以审核舆情回应口径", { after });
    await draftTyped(item, "经核实，已清运完毕。");
    after = await w.say(QINGSHAN, "张三", `@快报助手 同意发布 ${item.number}`);
    await w.client.botSays(QINGSHAN, "只有县领导可以审核舆情回应口径", { after });
    after = await w.say(DUTY, "孙值班", `@快报助手 同意发布 ${item.number}`);
    await w.client.botSays(DUTY, "只有县领导可以审核舆情回应口径", { after });
    expect((await w.fresh(item.id)).approvedAt).toBeNull();

    const unitAfter = await w.client.lastId(QINGSHAN);
    const target = await w.withButton(LEADERS, "同意发布");
    await Promise.all([
      w.client.press(LEADERS, "李书记", target.id, "同意发布"),
      w.client.press(LEADERS, "王县长", target.id, "同意发布"),
    ]);
    const notice = await w.client.botSays(QINGSHAN, `${item.number} 口径已同意发布：经核实，已清运完毕。`, {
      after: unitAfter,
    });
    expect([...notice.mentions].sort()).toEqual(["张三", "钱镇长"].sort());
    expect(notice.text).toContain(`已回应 ${item.number}`);
    await w.client.botSays(LEADERS, `${item.number} 没有待审核的口径`, { after: target.id });
    expect((await w.kinds(item.id)).filter((k) => k === "approved")).toHaveLength(1);
    expect((await w.fresh(item.id)).approvedText).toBe("经核实，已清运完毕。");
  });

  it("修改意见: the draft goes back with the remarks; the old draft can no longer be approved", {
    timeout: 60_000,
  }, async () => {
    const item = await w.fileItem();
    await draftTyped(item, "已清运。");
    const unitAfter = await w.client.lastId(QINGSHAN);
    let after = await w.say(QINGSHAN, "张三", `@快报助手 修改意见 ${item.number} 我觉得可以`);
    await w.client.botSays(QINGSHAN, "只有县领导可以审核舆情回应口径", { after });

    after = await w.press(LEADERS, "王县长", "修改意见");
    await w.client.botSays(LEADERS, `请写对 ${item.number} 口径「已清运。」的修改意见`, { after });
    after = await w.say(LEADERS, "王县长", "请写明停运原因");
    await w.client.botSays(LEADERS, ["请核对", "确认退回"], { after });
    after = await w.say(LEADERS, "王县长", "确认");
    await w.client.botSays(LEADERS, `已将对 ${item.number} 口径的修改意见转达青山镇`, { after });
    const notice = await w.client.botSays(QINGSHAN, `【修改意见】${item.number} 王县长：请写明停运原因`, {
      after: unitAfter,
    });
    expect([...notice.mentions].sort()).toEqual(["张三", "钱镇长"].sort());
    expect(await w.fresh(item.id)).toMatchObject({ draftAt: null, revisionNote: "请写明停运原因" });
    expect(await w.kinds(item.id)).toContain("revision_asked");

    after = await w.say(LEADERS, "李书记", `@快报助手 同意发布 ${item.number}`);
    await w.client.botSays(LEADERS, `${item.number} 没有待审核的口径`, { after });
    expect((await w.fresh(item.id)).approvedAt).toBeNull();

    await draftTyped(item, "经核实，停运因车辆故障，已清运。");
    expect((await w.fresh(item.id)).revisionNote).toBeNull();
    after = await w.say(LEADERS, "李书记", `@快报助手 同意发布 ${item.number}`);
    await w.client.botSays(LEADERS, `已同意发布 ${item.number} 的口径`, { after });
    expect((await w.fresh(item.id)).approvedText).toBe("经核实，停运因车辆故障，已清运。");
  });
});

describe("已回应", () => {
  it("refused before approval; then recorded, the clocks stopped, duty and leaders told with 办结", {
    timeout: 60_000,
  }, async () => {
    const item = await w.fileItem();
    let after = await w.say(QINGSHAN, "张三", `@快报助手 已回应 ${item.number} 已发布`);
    await w.client.botSays(QINGSHAN, "只有同意发布的口径才能对外回应", { after });
    await draftTyped(item, "经核实，已清运完毕。");
    after = await w.say(QINGSHAN, "张三", `@快报助手 已回应 ${item.number} 已发布`);
    await w.client.botSays(QINGSHAN, "还没有同意发布", { after });
    expect((await w.fresh(item.id)).respondedAt).toBeNull();
    expect(stageKeys(item.id, "respond").length).toBeGreaterThan(0);

    after = await w.say(LEADERS, "李书记", `@快报助手 同意发布 ${item.number}`);
    await w.client.botSays(LEADERS, `已同意发布 ${item.number} 的口径`, { after });
    const dutyAfter = await w.client.lastId(DUTY);
    after = await w.say(
      QINGSHAN,
      "张三",
      `@快报助手 已回应 ${item.number} https://weibo.com/qingshan/reply1`,
    );
    await w.client.botSays(QINGSHAN, `${item.number} 已回应，已报`, { after });
    const card = await w.client.botSays(DUTY, `【已回应】${item.number}`, { after: dutyAfter });
    expect(card.card?.buttons).toEqual([{ label: "办结", action: opinionActionValue("close", item.id) }]);
    expect(await w.fresh(item.id)).toMatchObject({
      respondedBy: "zhangsan",
      responseNote: "https://weibo.com/qingshan/reply1",
    });
    expect(stageKeys(item.id, "respond")).toEqual([]);
    // 核实 was never reported, but the answer is out: it is not chased any more.
    expect(stageKeys(item.id, "verify")).toEqual([]);

    after = await w.say(QINGSHAN, "钱镇长", `@快报助手 已回应 ${item.number} 再报`);
    await w.client.botSays(QINGSHAN, [item.number, "已由张三于", "无需重复"], { after });
    expect((await w.kinds(item.id)).filter((k) => k === "responded")).toHaveLength(1);

    // The card's 办结 button reaches the oversight part.
    after = await w.press(DUTY, "孙值班", "办结");
    await w.client.botSays(DUTY, `${item.number} 已办结（孙值班）`, { after });
  });
});

describe("a closed item", () => {
  it("refuses every step and changes nothing", { timeout: 60_000 }, async () => {
    const item = await w.fileItem();
    await draftTyped(item, "口径");
    const now = w.clock.now();
    await w.store.updateIf(
      item.id,
      { status: "open" },
      { status: "closed", closedAt: now, closedBy: "sun-zhiban" },
      {
        kind: "closed",
        at: now,
        actorId: "sun-zhiban",
      },
    );
    const closed = `${item.number} 已办结，无需再操作`;
    for (const [chat, person, text] of [
      [QINGSHAN, "张三", `签收 ${item.number}`],
      [QINGSHAN, "张三", `@快报助手 核实 ${item.number} 属实`],
      [QINGSHAN, "张三", `@快报助手 口径 ${item.number} 新口径`],
      [QINGSHAN, "张三", `@快报助手 已回应 ${item.number} 已发布`],
      [LEADERS, "李书记", `@快报助手 同意发布 ${item.number}`],
      [LEADERS, "李书记", `@快报助手 修改意见 ${item.number} 改`],
    ] as const) {
      const after = await w.say(chat, person, text);
      await w.client.botSays(chat, closed, { after });
    }
    const after = await w.press(QINGSHAN, "张三", "核实");
    await w.client.botSays(QINGSHAN, closed, { after });
    expect(await w.kinds(item.id)).toEqual(["registered", "drafted", "closed"]);
  });
});
