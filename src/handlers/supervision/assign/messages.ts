/** Chinese texts of 交办 and 转督办 (the dialog, the one-line form, the task card, the receipts). */

import { officeMessages } from "../../office/messages.ts";

export const assignMessages = {
  assignSummary:
    "交办督办事项：交办 青山镇、白水乡 明天12时前 报送防汛物资储备情况（或只发「交办」逐步填写）",
  convertSummary: "把领导批示转为督办事项：转督办 2026-0042",
  notAllowed: (roles: readonly string[]) =>
    `只有${officeMessages.roles(roles)}可以交办督办事项，您的角色不能交办。`,
  convertNotAllowed: (roles: readonly string[]) =>
    `只有${officeMessages.roles(roles)}可以把批示转为督办事项，您的角色不能转督办。`,

  dialogTitle: "交办",
  confirmLabel: "确认交办",
  formTitle: "交办督办事项（一页填完）",
  formSubmit: "提交",
  unitsPlaceholder: "单位序号或名称，如 1、3；第一个为牵头单位",
  duePlaceholder: "如 明天12时前、本周五前、3个工作日内；不填为当天办结",
  contentPlaceholder: "要办什么、报送什么",
  unitsLabel: "承办单位",
  unitsPrompt: (list: string) =>
    `请选择承办单位（回复序号，可多选，如「1、3」；第一个为牵头单位，其余为配合单位）：\n${list}`,
  unitsHelp: "回复单位序号或名称，多个用顿号或空格隔开，例如「1、3」或「青山镇 白水乡」。第一个是牵头单位。",
  unitsEmpty: "请至少选择一个承办单位。",
  unitsUnknown: (words: string, count: number) =>
    `没有找到单位「${words}」。请回复 1 到 ${count} 之间的序号，或单位名称。`,
  unitsTooMany: (max: number) => `一次最多交办 ${max} 个单位。`,
  dueLabel: "期限",
  duePrompt: (fallback: string) =>
    `办理期限？例如「明天12时前」「本周五前」「12月10日前」「3个工作日内」。不写期限请回复「跳过」，按当天 ${fallback} 前办结（落实不过夜）。`,
  dueHelp:
    "可写：今天17:00前、今天下班前、明天12时前、后天、本周五前、下周一前、12月10日前、12月10日17时前、2026-12-10、3个工作日内（按法定工作日计算，交办当天不计）。",
  dueUnknown: (text: string) =>
    `看不懂期限「${text}」。请写成「明天12时前」「本周五前」「12月10日前」「3个工作日内」这样的形式。`,
  dueNoSuchDate: (text: string) => `没有「${text}」这一天，请核对日期。`,
  duePast: (text: string, at: string) => `期限「${text}」（${at}）已经过了，请给一个还没到的期限。`,
  dueRolled: (clock: string) => `今天 ${clock} 已过，顺延至下一个工作日`,
  dueDefault: "未写期限，当天办结",
  contentLabel: "交办内容",
  contentPrompt: "请写交办内容（要办什么、报送什么）：",
  contentHelp: "直接写要求即可，例如「报送防汛物资储备情况」，1000 字以内。",
  contentTooShort: "交办内容太短了，请写清楚要办什么。",
  contentTooLong: (max: number) => `交办内容请控制在 ${max} 字以内。`,
  unknownUnitNote: (word: string) => `没有找到单位「${word}」，请从列表中选择。`,
  sourceLabel: "来源",
  sourceValue: (number: string, leader: string) => `${number} ${leader}批示`,
  assignerLabel: "交办人",

  pastAtConfirm: (at: string) => `期限 ${at} 已经过了，这次交办没有发出。请重新交办并给一个还没到的期限。`,
  filed: (number: string, units: string, due: string) =>
    `已交办 ${number}：${units}，期限 ${due}。督办通知已发到各单位；逾期未办结将自动督办，可发「查询 ${number}」查看办理情况。`,
  filedAlready: (number: string) => `${number} 已经交办，不会重复发送。`,

  cardContent: "交办内容",
  cardAssigner: "交办人",
  cardDue: "期限",
  cardRole: "本单位",
  cardLead: "牵头单位",
  cardAssist: "配合单位",
  cardNote: "请签收，并按期反馈进展、申请办结；确需延期的，请在期限前申请。",
  cardTyped: (number: string) =>
    `可回复「签收 ${number}」「反馈 ${number} 进展」「申请延期 ${number} 新期限 理由」「申请办结 ${number} 办理结果」。`,
  notifyJobLabel: "发送督办通知",

  convertUsage: "请写事件编号，例如「转督办 2026-0042」。",
  convertNoInstruction: (number: string) => `${number} 还没有领导批示，不能转督办。`,
  convertedAlready: (number: string) =>
    `这条批示已转为督办事项 ${number}，不再重复交办。发「查询 ${number}」查看办理情况。`,
  convertStale: "这条批示已不存在，请按最新的消息操作。",
  convertContent: (number: string, subject: string, leader: string, text: string) =>
    `落实 ${number}（${subject}）${leader}批示：${text}`,
};
