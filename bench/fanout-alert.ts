/**
 * The alert the platform fan-out benches send to every chat: a 较大 incident card with its fields and
 * buttons, as the leaders' alert looks. `withFollowUp` adds 要求续报 (the Feishu bench's card has it).
 */
import type { Card } from "../src/bot/core/message.ts";

export function fanOutAlert(options: { withFollowUp?: boolean } = {}): Card {
  return {
    title: "【较大】事故灾难 · 青山镇",
    tone: "yellow",
    fields: [
      { label: "编号", value: "2026-0001" },
      { label: "地点", value: "青山镇李家村村道" },
      { label: "伤亡", value: "死亡 3 人，受伤 5 人" },
      { label: "基本情况", value: "两车相撞，一车侧翻" },
    ],
    buttons: [
      { label: "已阅", action: "inc:ack:1" },
      { label: "批示", action: "instr:start:1" },
      ...(options.withFollowUp ? [{ label: "要求续报", action: "inc:followup:1" }] : []),
    ],
    typedReplies: "可回复「已阅 2026-0001」。",
  };
}
