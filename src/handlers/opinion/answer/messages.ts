/**
 * Texts of the responsible unit's steps on a 舆情 item (签收, 核实, 口径, 已回应) and the approvers'
 * (同意发布, 修改意见): their notices, the 口径 review card, the short dialogs of the buttons and
 * the refusals.
 */
import { officeMessages } from "../../office/messages.ts";

const rolesText = officeMessages.roles;

export const answerMessages = {
  // Help lines of the typed forms.
  signSummary: "签收舆情：签收 Y2026-0001",
  verifySummary: "报送舆情核实情况：核实 Y2026-0001 核实情况",
  draftSummary: "报送舆情回应口径：口径 Y2026-0001 拟回应内容",
  approveSummary: "同意发布舆情回应口径：同意发布 Y2026-0001",
  reviseSummary: "对舆情回应口径提修改意见：修改意见 Y2026-0001 意见内容",
  respondSummary: "报告舆情已回应：已回应 Y2026-0001 链接或说明",

  // How to type each form when the number (or the text) is missing.
  usage: {
    sign: "请写明舆情编号，例如：签收 Y2026-0001",
    verify: "请写明舆情编号和核实情况，例如：核实 Y2026-0001 情况属实，已安排清运",
    draft: "请写明舆情编号和拟回应内容，例如：口径 Y2026-0001 经核实，……",
    approve: "请写明舆情编号，例如：同意发布 Y2026-0001",
    revise: "请写明舆情编号和修改意见，例如：修改意见 Y2026-0001 请写明整改时限",
    respond: "请写明舆情编号和回应的链接或说明，例如：已回应 Y2026-0001 https://weibo.com/…",
  },

  // Who may.
  notUnitPerson: (number: string, unit: string) =>
    `${number} 由${unit}办理，只有${unit}的负责人和信息员可以操作。`,
  notApprover: (roles: readonly string[]) => `只有${rolesText(roles)}可以审核舆情回应口径。`,

  // What the item's state allows.
  itemClosed: (number: string) => `${number} 已办结，无需再操作。`,
  alreadySigned: (number: string, unit: string, who: string, at: string) =>
    `${number} ${unit}已由${who}于 ${at} 签收，无需重复。`,
  alreadyVerified: (number: string, who: string, at: string) =>
    `${number} 已由${who}于 ${at} 报送核实情况，无需重复。`,
  draftWaiting: (number: string) => `${number} 的口径正在审核，请等待县领导“同意发布”或“修改意见”。`,
  noDraftWaiting: (number: string) => `${number} 没有待审核的口径。`,
  alreadyResponded: (number: string, who: string, at: string) =>
    `${number} 已由${who}于 ${at} 报告已回应，无需重复。`,
  changed: (number: string) => `${number} 刚有新的办理进展，请发「查询 ${number}」查看后再操作。`,
  notApproved: (number: string) =>
    `${number} 的回应口径还没有同意发布，只有同意发布的口径才能对外回应。请先报送「口径 ${number} 拟回应内容」。`,

  // 签收
  signed: (number: string, unit: string, who: string) => `${number} ${unit}已签收（${who}）`,

  // 核实
  verification: (number: string, unit: string, who: string, text: string) =>
    `【核实】${number} ${unit}（${who}）：${text}`,
  verifiedDone: (number: string, chats: string) => `${number} 核实情况已报送：${chats}。`,

  // 口径
  reviewTitle: (number: string) => `【口径审核】${number}`,
  reviewUnit: "责任单位",
  reviewContent: "舆情内容",
  reviewVerification: "核实情况",
  reviewDraft: "拟回应口径",
  reviewBy: "报送人",
  reviewNote: "请审核：同意发布，或提修改意见退回修改。",
  reviewTyped: (number: string) => `可回复「同意发布 ${number}」或「修改意见 ${number} 意见内容」。`,
  draftSent: (number: string, chats: string) =>
    `${number} 的回应口径已报送审核（${chats}），同意发布后再对外回应。`,

  // 同意发布
  approved: (number: string, text: string) => `${number} 口径已同意发布：${text}`,
  approvedNext: (number: string) => `请按此口径发布回应，发布后回复「已回应 ${number} 链接或说明」。`,
  approvedDone: (number: string, unit: string) => `已同意发布 ${number} 的口径，已通知${unit}。`,

  // 修改意见
  revision: (number: string, who: string, text: string) => `【修改意见】${number} ${who}：${text}`,
  revisionNext: (number: string) => `请按意见修改后重新报送「口径 ${number} 修改后的拟回应内容」。`,
  revisedDone: (number: string, unit: string) => `已将对 ${number} 口径的修改意见转达${unit}。`,

  // 已回应
  responseTitle: (number: string) => `【已回应】${number}`,
  responseUnit: "责任单位",
  responseNote: "回应情况",
  responseText: "发布口径",
  responseBy: "报告人",
  responseCardNote: "回应已发布，核对无误后请办结。",
  responseTyped: (number: string) => `可回复「办结 ${number}」。`,
  respondedDone: (number: string, chats: string) => `${number} 已回应，已报：${chats}。`,

  // The short dialogs of the buttons.
  verifyTitle: "舆情核实",
  verifyLabel: "核实情况",
  verifyPrompt: (number: string) => `请写 ${number} 的核实情况：`,
  verifyConfirm: "确认报送",
  draftTitle: "舆情回应口径",
  draftLabel: "拟回应口径",
  draftPrompt: (number: string) => `请写 ${number} 的拟回应口径（报县领导审核）：`,
  draftConfirm: "确认报审",
  reviseTitle: "口径修改意见",
  reviseLabel: "修改意见",
  revisePrompt: (number: string, draft: string) => `请写对 ${number} 口径「${draft}」的修改意见：`,
  reviseConfirm: "确认退回",
  respondTitle: "舆情已回应",
  respondLabel: "回应情况",
  respondPrompt: (number: string) => `请写 ${number} 回应的链接或说明：`,
  respondConfirm: "确认已回应",
  itemLabel: "舆情",

  // The texts themselves.
  verifyEmpty: "请写明核实情况。",
  draftEmpty: "请写明拟回应内容。",
  reviseEmpty: "请写明修改意见。",
  respondEmpty: "请写明回应的链接或说明。",
  textTooLong: (max: number) => `内容太长，请控制在 ${max} 字以内。`,
};
