/**
 * Drives a guided 首报 over the console API up to its summary card, answering as
 * test/transcripts/incident-guided-first-report.chat does (with 刚才 as the event time, since these
 * tests run on the real clock).
 */
import type { ConsoleMessageDto } from "../../../../src/bot/adapters/console/console-message.ts";
import type { ConsoleClient } from "../../../support/console-client.ts";

export const UNIT_CHAT = "青山镇工作群";
export const REPORTER = "张三";
export const LEADERS_CHAT = "县领导群";
export const DUTY_CHAT = "总值班室";

/** Answers every step of the guided 首报; resolves with the summary card (请核对 … 确认上报). */
export async function driveToSummary(
  client: ConsoleClient,
  options: { chat?: string; sender?: string; place?: string } = {},
): Promise<ConsoleMessageDto> {
  const chat = options.chat ?? UNIT_CHAT;
  const sender = options.sender ?? REPORTER;
  const after = await client.lastId(chat);
  await client.say(chat, sender, "@bot 上报");
  await client.say(chat, sender, "2"); // 事故灾难
  await client.say(chat, sender, "刚才");
  await client.say(chat, sender, options.place ?? "青山镇李家村村道");
  await client.say(chat, sender, "两车相撞，一车侧翻");
  await client.say(chat, sender, "3死5伤");
  // The grade step offers 较大（建议） for 3 deaths.
  const gradeCard = await client.botSays(chat, "较大（建议）", { after });
  const suggested = gradeCard.card?.buttons.find((b) => b.label.includes("较大（建议）"));
  if (!suggested) throw new Error(`no 较大（建议） button: ${gradeCard.text}`);
  await client.press(chat, sender, gradeCard.id, suggested.action);
  await client.say(chat, sender, "镇长已带队赶赴现场，伤员已送县医院");
  await client.say(chat, sender, "钱镇长 13800000042");
  return client.botSays(chat, ["请核对", "确认上报"], { after });
}

/** The 确认上报 button's action on a summary card. */
export function confirmAction(summary: ConsoleMessageDto): string {
  const button = summary.card?.buttons.find((b) => b.label === "确认上报");
  if (!button) throw new Error(`no 确认上报 button: ${summary.text}`);
  return button.action;
}

/** Alert cards (not escalations) for incident `number` in a chat's bot messages. */
export function alertCards(messages: ConsoleMessageDto[], number: string): ConsoleMessageDto[] {
  return messages.filter(
    (m) => m.card?.fields.some((f) => f.label === "编号" && f.value === number) && !m.text.includes("未阅"),
  );
}
