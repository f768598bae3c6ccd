/** Neutral cards as WeCom shows them: a template card with buttons to people, markdown in groups. */
import { describe, expect, it } from "vitest";
import {
  renderGroupMarkdown,
  renderTemplateCard,
  renderText,
  storedCard,
  taskIdOf,
} from "../../../../../src/bot/adapters/wecom/outbound/wecom-card.ts";
import type { Card } from "../../../../../src/bot/core/message.ts";

const alert: Card = {
  title: "较大突发事件 2026-0001",
  tone: "orange",
  fields: [
    { label: "类型", value: "交通事故" },
    { label: "地点", value: "青山镇李家村村道" },
  ],
  buttons: [
    { label: "已阅", action: "incident:ack:2026-0001" },
    { label: "批示", action: "instruction:start:2026-0001", primary: true },
  ],
  note: "请尽快阅示",
  typedReplies: "可回复「已阅 2026-0001」「批示 2026-0001 内容」。",
};

describe("WeCom cards", () => {
  it("makes a stable task id WeCom accepts from the idempotency key", () => {
    const id = taskIdOf("incident-7-alert-leaders");
    expect(id).toBe(taskIdOf("incident-7-alert-leaders"));
    expect(id).not.toBe(taskIdOf("incident-8-alert-leaders"));
    expect(id).toMatch(/^[A-Za-z0-9_\-@]{1,128}$/);
  });

  it("renders a button_interaction card whose button keys are the actions", () => {
    const card = renderTemplateCard(alert, "kb_task", { urgent: true });
    expect(card).toMatchObject({
      card_type: "button_interaction",
      task_id: "kb_task",
      main_title: { title: "【加急】较大突发事件 2026-0001" },
      sub_title_text: "请尽快阅示",
      horizontal_content_list: [
        { keyname: "类型", value: "交通事故" },
        { keyname: "地点", value: "青山镇李家村村道" },
      ],
      button_list: [
        { text: "已阅", style: 2, key: "incident:ack:2026-0001" },
        { text: "批示", style: 1, key: "instruction:start:2026-0001" },
      ],
    });
  });

  it("keeps six rows and six buttons, the other fields under the title, and greys out a card without buttons", () => {
    const many: Card = {
      title: "汇总",
      fields: Array.from({ length: 8 }, (_, i) => ({ label: `项${i + 1}`, value: String(i + 1) })),
      buttons: Array.from({ length: 8 }, (_, i) => ({ label: `选${i + 1}`, action: `a${i + 1}` })),
    };
    const card = renderTemplateCard(many, "t");
    expect(card.horizontal_content_list).toHaveLength(6);
    expect(card.button_list).toHaveLength(6);
    expect(card.sub_title_text).toBe("项7：7\n项8：8");
    const done = renderTemplateCard({ ...alert, buttons: [] }, "t");
    expect(done).toMatchObject({ button_list: [], replace_text: "已处理" });
  });

  it("writes a group card as markdown with the typed replies, where to send them, and the names", () => {
    const text = renderGroupMarkdown(alert, {
      urgent: true,
      mentions: ["李书记", "王县长"],
      botName: "快报助手",
    });
    expect(text.split("\n")).toEqual([
      "**【加急】较大突发事件 2026-0001**",
      "> 类型：交通事故",
      "> 地点：青山镇李家村村道",
      "请尽快阅示",
      "可回复「已阅 2026-0001」「批示 2026-0001 内容」。",
      "（群里的回复收不到，请在工作台「快报助手」应用里发送）",
      "@李书记 @王县长",
    ]);
    expect(renderText("今日值班", { mentions: [] })).toBe("今日值班");
    expect(renderText("请确认", { urgent: true, mentions: ["张三"] })).toBe("【加急】请确认\n@张三");
  });

  it("reads back a stored card and nothing else", () => {
    expect(storedCard({ taskId: "t", actions: ["a", 3], to: ["li-shuji"], responseCode: "r" })).toEqual({
      taskId: "t",
      actions: ["a"],
      to: ["li-shuji"],
      responseCode: "r",
    });
    expect(storedCard(null)).toBeUndefined();
    expect(storedCard({ schema: "2.0" })).toBeUndefined();
  });
});
