/**
 * Texts of the leaders' and the duty office's steps on a 舆情 item: 已阅, 批示, 转突发 and 办结, their
 * refusals, and the paragraph a 转突发 hands to the incident 首报 dialog.
 */

import { officeMessages } from "../../office/messages.ts";

const rolesText = officeMessages.roles;

export const oversightMessages = {
  // Help lines of the typed forms.
  readSummary: "舆情已阅：已阅 Y2026-0001",
  instructSummary: "对舆情批示：批示 Y2026-0001 批示内容",
  convertSummary: "舆情转为突发事件首报：转突发 Y2026-0001",
  closeSummary: "办结舆情：办结 Y2026-0001",

  // How to type each form when the number (or the text) is missing.
  usage: {
    read: "请写明舆情编号，例如：已阅 Y2026-0001",
    instruct: "请写明舆情编号和批示内容，例如：批示 Y2026-0001 请青山镇立即核实，依法依规回应",
    convert: "请写明舆情编号，例如：转突发 Y2026-0001",
    close: "请写明舆情编号，例如：办结 Y2026-0001",
  },

  // Who may.
  readNotAllowed: (roles: readonly string[]) => `只有${rolesText(roles)}可以对舆情“已阅”。`,
  instructNotAllowed: (roles: readonly string[]) => `只有${rolesText(roles)}可以对舆情批示。`,
  closeNotAllowed: (roles: readonly string[]) => `只有${rolesText(roles)}可以办结舆情。`,
  itemClosed: (number: string) => `${number} 已办结，无需再操作。`,

  // 已阅
  read: (number: string, who: string) => `${number} ${who}已阅`,
  alreadyRead: (number: string, who: string, at: string) => `${number} ${who}已于 ${at} 阅过，无需重复。`,

  // 批示
  instructTitle: "舆情批示",
  instructLabel: "批示内容",
  instructPrompt: (number: string, content: string) => `请写对 ${number}「${content}」的批示：`,
  instructHelp: "直接写批示内容，例如：请青山镇立即核实，依法依规回应。",
  instructConfirm: "确认批示",
  itemLabel: "舆情",
  relayLabel: "转达",
  instructEmpty: "批示内容不能为空。",
  textTooLong: (max: number) => `内容太长，请控制在 ${max} 字以内。`,
  instruction: (number: string, who: string, text: string) => `【批示】${number} ${who}：${text}`,
  instructRelayed: (number: string, chats: string) => `已将对 ${number} 的批示转达：${chats}。`,

  // 转突发
  reportingOff: "本单位没有配置突发事件报送规则，暂时不能转为突发事件。请联系管理员。",
  alreadyConverted: (number: string, incident: string) =>
    `${number} 已转为突发事件 ${incident}，无需重复。可发「查询 ${incident}」查看。`,
  converted: (number: string, incident: string) => `${number} 已转为突发事件 ${incident}`,
  /** The paragraph a 转突发 starts the 首报 from: the incident's reader takes its time, place and account. */
  paragraph: (p: {
    found: string;
    content: string;
    place: string | null;
    number: string;
    source: string;
    link: string | null;
  }) =>
    `${p.found}，获悉网络舆情：${p.content}。${p.place ? `事发地点：${p.place}。` : ""}` +
    `舆情编号${p.number}，来源${p.source}${p.link ? `，链接 ${p.link}` : ""}。`,
  /** `2026年12月7日8时30分`. */
  foundTime: (year: number, month: number, day: number, hour: number, minute: number) =>
    `${year}年${month}月${day}日${hour}时${minute}分`,

  // 办结
  closed: (number: string, who: string) => `${number} 已办结（${who}）。`,
  closedUnanswered: (number: string, who: string) => `${number} 已办结（${who}），未回应即办结。`,
  closedDone: (number: string, unanswered: boolean) =>
    `已办结 ${number}${unanswered ? "（未回应即办结）" : ""}，已通知责任单位、值班室和县领导。`,
  alreadyClosed: (number: string, who: string, at: string) => `${number} 已由${who}于 ${at} 办结，无需重复。`,
};
