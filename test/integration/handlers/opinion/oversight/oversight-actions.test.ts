/**
 * The leaders' and the duty office's steps on a 舆情 item through the real app and the console:
 * items put on file as a confirmed 登记 files them (their clocks armed on a virtual-time scheduler,
 * the alert counted as sent, an alert card with the item's buttons posted to the leaders' group,
 * the duty group and the unit's group), then people press buttons and type. Checks what the
 * database holds, which clocks still wait, and what each chat is told.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { opinionMessages as O } from "../../../../../src/handlers/opinion/messages.ts";
import { incidentFiledListener } from "../../../../../src/handlers/opinion/oversight/incident-filed.ts";
import { CONTENT, DUTY, FOUND, LEADERS, OpinionConsole, QINGSHAN } from "../opinion-console.ts";

let w: OpinionConsole;

beforeAll(async () => {
  w = await OpinionConsole.open("oversight");
}, 120_000);

afterAll(async () => {
  await w?.close();
});

describe("已阅", () => {
  it("records one read per person, tells the chat, and refuses a unit's reporter", {
    timeout: 60_000,
  }, async () => {
    const item = await w.fileItem();
    let after = await w.press(LEADERS, "李书记", "已阅");
    await w.client.botSays(LEADERS, `${item.number} 李书记已阅`, { after });

    after = await w.press(LEADERS, "李书记", "已阅");
    await w.client.botSays(LEADERS, [item.number, "无需重复"], { after });

    after = await w.say(DUTY, "孙值班", `已阅 ${item.number}`);
    await w.client.botSays(DUTY, `${item.number} 孙值班已阅`, { after });

    after = await w.say(QINGSHAN, "张三", `@快报助手 已阅 ${item.number}`);
    await w.client.botSays(QINGSHAN, "只有县领导、值班员可以对舆情“已阅”", { after });

    const reads = (await w.store.timeline(item.id)).filter((e) => e.kind === "read");
    expect(reads.map((e) => e.actorId)).toEqual(["li-shuji", "sun-zhiban"]);
  });

  it("leaves 已阅 with an incident's number (or none) to the incidents, and names an unknown 舆情 number", {
    timeout: 60_000,
  }, async () => {
    let after = await w.say(LEADERS, "李书记", "已阅 2026-0999");
    const incidentAnswer = (await w.client.botMessages(LEADERS, after)).at(-1)?.text ?? "";
    await w.client.botSays(LEADERS, "2026-0999", { after });
    expect(incidentAnswer).not.toContain("舆情");

    after = await w.say(LEADERS, "李书记", "已阅 Y2026-0999");
    await w.client.botSays(LEADERS, O.unknownNumber("Y2026-0999"), { after });
  });
});

describe("批示", () => {
  it("typed by a leader: recorded and relayed to the unit (its people mentioned) and the duty group", {
    timeout: 60_000,
  }, async () => {
    const item = await w.fileItem();
    const unitAfter = await w.client.lastId(QINGSHAN);
    const dutyAfter = await w.client.lastId(DUTY);
    const after = await w.say(
      LEADERS,
      "李书记",
      `@快报助手 批示 ${item.number} 请青山镇立即核实，依法依规回应`,
    );
    await w.client.botSays(LEADERS, [`已将对 ${item.number} 的批示转达`, QINGSHAN, DUTY], { after });
    const relay = `【批示】${item.number} 李书记：请青山镇立即核实，依法依规回应`;
    const unitNotice = await w.client.botSays(QINGSHAN, relay, { after: unitAfter });
    expect([...unitNotice.mentions].sort()).toEqual(["张三", "钱镇长"].sort());
    await w.client.botSays(DUTY, relay, { after: dutyAfter });
    const [instructed] = (await w.store.timeline(item.id)).filter((e) => e.kind === "instructed");
    expect(instructed).toMatchObject({
      actorId: "li-shuji",
      detail: { text: "请青山镇立即核实，依法依规回应" },
    });
  });

  it("by the button: asks for the text in a short dialog, then relays it once", {
    timeout: 60_000,
  }, async () => {
    const item = await w.fileItem();
    const unitAfter = await w.client.lastId(QINGSHAN);
    let after = await w.press(LEADERS, "王县长", "批示");
    await w.client.botSays(LEADERS, `请写对 ${item.number}`, { after });
    after = await w.say(LEADERS, "王县长", "请今天内发布权威回应");
    await w.client.botSays(LEADERS, ["请核对", "舆情批示", QINGSHAN, DUTY, "确认批示"], { after });
    after = await w.say(LEADERS, "王县长", "确认");
    await w.client.botSays(LEADERS, `已将对 ${item.number} 的批示转达`, { after });
    await w.client.botSays(QINGSHAN, `【批示】${item.number} 王县长：请今天内发布权威回应`, {
      after: unitAfter,
    });
    expect((await w.kinds(item.id)).filter((k) => k === "instructed")).toHaveLength(1);
  });

  it("is refused for a unit's reporter and for the duty office; nothing is recorded", {
    timeout: 60_000,
  }, async () => {
    const item = await w.fileItem();
    let after = await w.say(QINGSHAN, "张三", `@快报助手 批示 ${item.number} 我来批示`);
    await w.client.botSays(QINGSHAN, "只有县领导可以对舆情批示", { after });
    after = await w.press(DUTY, "孙值班", "批示");
    await w.client.botSays(DUTY, "只有县领导可以对舆情批示", { after });
    expect((await w.saidAfter(DUTY, after)).some((t) => t.includes("请写对"))).toBe(false);
    expect(await w.kinds(item.id)).not.toContain("instructed");
  });
});

describe("办结", () => {
  it("refused for 张三; by 孙值班 closes the item, cancels its clocks and tells everyone; once", {
    timeout: 60_000,
  }, async () => {
    const item = await w.fileItem();
    expect(w.waitingFor(item.id).length).toBeGreaterThan(0);

    let after = await w.say(QINGSHAN, "张三", `@快报助手 办结 ${item.number}`);
    await w.client.botSays(QINGSHAN, "只有值班员、县领导可以办结舆情", { after });
    expect((await w.fresh(item.id)).status).toBe("open");
    expect(w.waitingFor(item.id).length).toBeGreaterThan(0);

    const unitAfter = await w.client.lastId(QINGSHAN);
    const leadersAfter = await w.client.lastId(LEADERS);
    after = await w.say(DUTY, "孙值班", `@快报助手 办结 ${item.number}`);
    const closed = `${item.number} 已办结（孙值班），未回应即办结`;
    await w.client.botSays(DUTY, closed, { after });
    await w.client.botSays(LEADERS, closed, { after: leadersAfter });
    const unitNotice = await w.client.botSays(QINGSHAN, closed, { after: unitAfter });
    expect([...unitNotice.mentions].sort()).toEqual(["张三", "钱镇长"].sort());
    expect(await w.fresh(item.id)).toMatchObject({ status: "closed", closedBy: "sun-zhiban" });
    expect(w.waitingFor(item.id)).toEqual([]);

    after = await w.say(DUTY, "周值班", `@快报助手 办结 ${item.number}`);
    await w.client.botSays(DUTY, [item.number, "已由孙值班", "无需重复"], { after });
    expect((await w.kinds(item.id)).filter((k) => k === "closed")).toHaveLength(1);

    after = await w.press(LEADERS, "李书记", "已阅");
    await w.client.botSays(LEADERS, `${item.number} 已办结，无需再操作`, { after });
    expect(await w.kinds(item.id)).not.toContain("read");
  });

  it("after 已回应 closes without the 未回应 note", { timeout: 60_000 }, async () => {
    const item = await w.fileItem();
    const now = w.clock.now();
    await w.store.updateIf(
      item.id,
      { respondedAt: null },
      { respondedAt: now, respondedBy: "zhangsan", responseNote: "已在微博回应" },
      { kind: "responded", at: now, actorId: "zhangsan" },
    );
    const after = await w.say(LEADERS, "李书记", `@快报助手 办结 ${item.number}`);
    const notice = await w.client.botSays(LEADERS, `${item.number} 已办结（李书记）`, { after });
    expect(notice.text).not.toContain("未回应");
  });
});

describe("转突发", () => {
  it("opens the 首报 filled from the item; once filed, the item carries the incident", {
    timeout: 60_000,
  }, async () => {
    const item = await w.fileItem();
    let after = await w.press(LEADERS, "李书记", "转突发");
    const understood = await w.client.botSays(LEADERS, "识别出", { after });
    expect(understood.card?.fields).toEqual(
      expect.arrayContaining([
        { label: "事件类型", value: "舆情" },
        { label: "地点", value: "青山镇李家村" },
        expect.objectContaining({ value: expect.stringContaining(CONTENT) }),
      ]),
    );
    await w.client.botSays(LEADERS, "事发时间", { after });
    expect(await w.kinds(item.id)).toContain("converted");

    const dutyAfter = await w.client.lastId(DUTY);
    for (const answer of ["跳过", "无", "4", "跳过", "赵秘书长 13800000003"])
      await w.say(LEADERS, "李书记", answer);
    after = await w.say(LEADERS, "李书记", "确认");
    const receipt = await w.client.botSays(LEADERS, "已上报，编号", { after });
    const incidentNumber = /编号 (\d{4}-\d{4})/.exec(receipt.text)?.[1] ?? "";
    const incident = await w.test.database.prisma.incident.findFirst({ where: { number: incidentNumber } });
    expect(incident).toMatchObject({ location: "青山镇李家村", type: "舆情" });
    expect(incident?.learnedAt?.toISOString()).toBe(FOUND.toISOString());

    expect((await w.fresh(item.id)).incidentId).toBe(incident?.id);
    const filed = (await w.store.timeline(item.id)).filter((e) => e.kind === "incident_filed");
    expect(filed).toHaveLength(1);
    expect(filed[0]?.detail).toEqual({ incidentId: incident?.id, number: incidentNumber });
    await w.client.botSays(DUTY, `${item.number} 已转为突发事件 ${incidentNumber}`, { after: dutyAfter });

    // Delivered again (a 首报 confirmed again after a crash): nothing changes, nothing is posted twice.
    const dutyBefore = await w.client.lastId(DUTY);
    await incidentFiledListener.run(w.test.app.services, {
      incident: {
        id: incident?.id ?? 0,
        number: incidentNumber,
        unitId: "county-office",
        reportedAt: w.clock.now(),
      },
      origin: { kind: "opinion", id: item.id },
    });
    await w.test.app.idle();
    expect((await w.kinds(item.id)).filter((k) => k === "incident_filed")).toHaveLength(1);
    expect(await w.saidAfter(DUTY, dutyBefore)).toEqual([]);

    after = await w.say(QINGSHAN, "张三", `@快报助手 转突发 ${item.number}`);
    await w.client.botSays(QINGSHAN, [`${item.number} 已转为突发事件 ${incidentNumber}`, "无需重复"], {
      after,
    });
  });
});
