/**
 * The 首报 as one form card on Feishu, through the real app and the Feishu adapter against the fake
 * Feishu server: 上报 offers the form beside the step-by-step dialog; a submit with bad values is
 * answered field by field and the form comes back as typed; someone else's submit is refused; a
 * good submit leads to the summary, 确认上报 files one incident and the leaders are alerted; the
 * form is stale once the report is filed.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { VirtualClock } from "../../../../../src/transcript/virtual-clock.ts";
import { VirtualScheduler } from "../../../../../src/transcript/virtual-scheduler.ts";
import { FakeFeishuServer, type StoredMessage } from "../../../../support/fake-feishu/fake-feishu-server.ts";
import { cardActionEvent, messageEvent } from "../../../../support/fake-feishu/feishu-payloads.ts";
import {
  chatIdOf,
  FAKE_BOT_OPEN_ID,
  type FeishuTestApp,
  openIdOf,
  startFeishuTestApp,
  VERIFICATION_TOKEN,
} from "../../../../support/fake-feishu/feishu-test-app.ts";
import { buttonsOf, currentCard, viewText } from "../../../../support/fake-feishu/feishu-view.ts";

const QINGSHAN = chatIdOf("qingshan-work");
const FORM_TITLE = "快速上报（一页填完）";
/** 2026-03-02 14:25 in Shanghai. */
const NOW = new Date("2026-03-02T06:25:00Z");

interface FormElement {
  tag: string;
  name?: string;
  default_value?: string;
  initial_option?: string;
  options?: { text: { content: string }; value: string }[];
  behaviors?: { value: unknown }[];
}

/** The summary card, after the mention of the person it is for (a group's dialog card mentions them). */
const isSummary = (text: string) => text.replace(/^(@\S+\n)+/, "").startsWith("请核对");

function formOf(message: StoredMessage): FormElement[] {
  const elements = (currentCard(message)?.body?.elements ?? []) as unknown as {
    tag: string;
    elements?: FormElement[];
  }[];
  const form = elements.find((e) => e.tag === "form");
  if (!form?.elements) throw new Error("no form in the card");
  return form.elements;
}

describe("the 首报 form card on Feishu", () => {
  let fake: FakeFeishuServer;
  let app: FeishuTestApp;
  let clock: VirtualClock;
  let scheduler: VirtualScheduler;

  beforeEach(async () => {
    fake = new FakeFeishuServer();
    await fake.start();
    clock = new VirtualClock(NOW);
    scheduler = new VirtualScheduler(clock);
    app = await startFeishuTestApp(fake, { clock, scheduler });
  });

  afterEach(async () => {
    await app.close();
    await fake.close();
  });

  const nameOf = (openId: string) =>
    app.test.app.services.directory.people().find((p) => openIdOf(p.id) === openId)?.name ?? openId;
  const texts = (from: number) =>
    fake
      .messagesTo(QINGSHAN)
      .slice(from)
      .map((m) => viewText(m, nameOf));
  const forms = () =>
    fake.messagesTo(QINGSHAN).filter((m) => currentCard(m)?.header?.title?.content === FORM_TITLE);
  const incidents = () => app.test.app.services.database.incident.count();

  /** Posts an event, lets the bot answer, and runs the jobs due now (the alert). */
  async function act(payload: unknown) {
    const response = await app.post(payload);
    expect(response.status).toBe(200);
    await app.settle();
    await scheduler.advance(
      clock.now(),
      (key, job) => app.test.app.jobs.run(app.test.app.services, key, job),
      () => app.settle(),
    );
    return response;
  }

  function submit(card: StoredMessage, person: string, values: Record<string, string>) {
    const button = formOf(card).find((e) => e.tag === "button");
    return act(
      cardActionEvent({
        operatorOpenId: openIdOf(person),
        value: button?.behaviors?.[0]?.value,
        messageId: card.messageId,
        chatId: QINGSHAN,
        formValue: values,
        token: VERIFICATION_TOKEN,
      }),
    );
  }

  async function report(paragraph = "") {
    await act(
      messageEvent({
        chatId: QINGSHAN,
        senderOpenId: openIdOf("zhangsan"),
        text: `@{0} 上报${paragraph ? ` ${paragraph}` : ""}`,
        mentions: [{ openId: FAKE_BOT_OPEN_ID, name: "快报助手" }],
        token: VERIFICATION_TOKEN,
      }),
    );
    const [form] = forms();
    if (!form) throw new Error("no form card offered");
    return form;
  }

  function gradeValue(form: StoredMessage, name: string): string {
    const select = formOf(form).find((e) => e.name === "grade");
    const option = select?.options?.find((o) => o.text.content.startsWith(name));
    if (!option) throw new Error(`no grade ${name}`);
    return option.value;
  }

  const goodValues = (form: StoredMessage) => ({
    type: "2",
    grade: gradeValue(form, "较大"),
    time: "今天14时20分",
    location: "青山镇李家村村道",
    summary: "两车相撞，一车侧翻",
    casualties: "3死5伤",
    measures: "镇长已带队赶赴现场，伤员已送县医院",
    contact_name: "钱镇长",
    contact_phone: "13800000042",
  });

  it("offers the form beside the step-by-step dialog, with the dialog's fields", async () => {
    const form = await report();
    const boxes = formOf(form).filter((e) => e.tag === "input" || e.tag === "select_static");
    expect(boxes.map((e) => `${e.tag}:${e.name}`)).toEqual([
      "select_static:type",
      "select_static:grade",
      "input:time",
      "input:location",
      "input:summary",
      "input:casualties",
      "input:measures",
      "input:contact_name",
      "input:contact_phone",
    ]);
    const types = boxes[0]?.options?.map((o) => o.text.content);
    expect(types).toContain("事故灾难");
    // The guided dialog asks its first question as before.
    expect(texts(0).some((t) => t.includes("事件类型") && !t.startsWith(FORM_TITLE))).toBe(true);
  });

  it("a good submit reaches the summary; 确认上报 files one incident and alerts the leaders", async () => {
    const form = await report();
    const before = fake.messagesTo(QINGSHAN).length;
    const response = await submit(form, "zhangsan", goodValues(form));
    expect(response.body).toMatchObject({ toast: { type: "success" } });
    const summary = fake
      .messagesTo(QINGSHAN)
      .slice(before)
      .find((m) => isSummary(viewText(m, nameOf)));
    if (!summary) throw new Error(`no summary: ${texts(before).join(" | ")}`);
    const view = viewText(summary, nameOf);
    for (const part of [
      "事故灾难",
      "2026-03-02 14:20",
      "青山镇李家村村道",
      "死亡 3 人，受伤 5 人",
      "较大",
      "13800000042",
    ])
      expect(view).toContain(part);
    const confirm = buttonsOf(summary).find((b) => b.label === "确认上报");
    expect(confirm).toBeDefined();
    expect(await incidents()).toBe(0);

    const press = () =>
      act(
        cardActionEvent({
          operatorOpenId: openIdOf("zhangsan"),
          value: confirm?.value,
          messageId: summary.messageId,
          chatId: QINGSHAN,
          token: VERIFICATION_TOKEN,
        }),
      );
    await press();
    await press(); // a second press files nothing more
    expect(await incidents()).toBe(1);
    const filed = await app.test.app.services.database.incident.findFirstOrThrow();
    expect(filed).toMatchObject({
      type: "事故灾难",
      gradeId: "III",
      location: "青山镇李家村村道",
      deaths: 3,
      injured: 5,
      contactPhone: "13800000042",
      reporterId: "zhangsan",
    });
    expect(filed.occurredAt?.toISOString()).toBe("2026-03-02T06:20:00.000Z");
    expect(texts(before).some((t) => t.includes("已上报") && t.includes("2026-0001"))).toBe(true);
    const alert = fake.messagesTo(chatIdOf("leaders")).find((m) => m.msgType === "interactive");
    if (!alert) throw new Error("no alert to the leaders");
    expect(viewText(alert, nameOf)).toContain("2026-0001");
    expect(alert.urgent[0]?.kind).toBe("app");

    // The form is stale once the report is filed.
    const after = fake.messagesTo(QINGSHAN).length;
    await submit(form, "zhangsan", goodValues(form));
    expect(texts(after).join("\n")).toContain("这张表单已失效");
    expect(await incidents()).toBe(1);
  });

  it("answers bad values field by field in Chinese and offers the form again as typed", async () => {
    const form = await report();
    const before = fake.messagesTo(QINGSHAN).length;
    const typed = { ...goodValues(form), time: "明天下午3点", casualties: "死了很多", location: "" };
    await submit(form, "zhangsan", typed);
    const reply = texts(before).find((t) => t.includes("需要修改"));
    if (!reply) throw new Error(`no reply: ${texts(before).join(" | ")}`);
    expect(reply).toContain("「事发时间」：事发时间晚于现在");
    expect(reply).toContain("「伤亡情况」");
    expect(reply).toContain("「地点」必须填写");
    expect(await incidents()).toBe(0);
    // Nothing typed is lost: a new form holds every value as it was submitted.
    const again = forms().at(-1);
    if (!again || again.messageId === form.messageId) throw new Error("no new form");
    const boxes = formOf(again);
    expect(boxes.find((e) => e.name === "time")?.default_value).toBe("明天下午3点");
    expect(boxes.find((e) => e.name === "summary")?.default_value).toBe("两车相撞，一车侧翻");
    expect(boxes.find((e) => e.name === "contact_phone")?.default_value).toBe("13800000042");
    expect(boxes.find((e) => e.name === "type")?.initial_option).toBe("2");
    // Corrected on the new form, it goes through.
    await submit(again, "zhangsan", goodValues(again));
    expect(texts(before).some((t) => isSummary(t))).toBe(true);
  });

  it("fills the form with what a paragraph said, and a box left as shown keeps it", async () => {
    const form = await report("今天14时20分，青山镇李家村村道两车相撞，造成3人死亡、5人受伤。");
    const boxes = formOf(form);
    const shown = (name: string) => boxes.find((e) => e.name === name)?.default_value;
    expect(shown("time")).toBe("2026-03-02 14:20");
    expect(shown("casualties")).toBe("死亡 3 人，受伤 5 人");
    expect(shown("location")).toContain("青山镇李家村");
    // The person leaves those boxes as they are and fills the rest.
    const asShown = Object.fromEntries(
      boxes.flatMap((e) => (e.name && e.default_value ? [[e.name, e.default_value]] : [])),
    );
    const before = fake.messagesTo(QINGSHAN).length;
    await submit(form, "zhangsan", { ...goodValues(form), ...asShown });
    const summary = texts(before).find((t) => isSummary(t));
    if (!summary) throw new Error(`no summary: ${texts(before).join(" | ")}`);
    expect(summary).toContain("2026-03-02 14:20");
    expect(summary).toContain("死亡 3 人，受伤 5 人");
  });

  it("refuses a submit by someone else in the group, and accepts 不清楚 where the dialog does", async () => {
    const form = await report();
    const before = fake.messagesTo(QINGSHAN).length;
    await submit(form, "qian-zhenzhang", goodValues(form));
    expect(texts(before).join("\n")).toContain("这是别人的表单");
    expect(texts(before).some((t) => isSummary(t))).toBe(false);

    const unsure = {
      ...goodValues(form),
      time: "不清楚",
      casualties: "",
      contact_name: "",
      contact_phone: "",
    };
    await submit(form, "zhangsan", unsure);
    const summary = texts(before).find((t) => isSummary(t));
    expect(summary).toContain("事发时间\n（未填，待补）");
    expect(summary).toContain("待补");
  });
});
