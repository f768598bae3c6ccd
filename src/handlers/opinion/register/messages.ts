/** Chinese texts of 舆情 登记: the command, the dialog, the 识别 card, the receipt and the alert card. */
import type { Reach } from "./understanding/reach.ts";

/** `2.3万`, `150`, `10万`. */
function count(n: number): string {
  if (n >= 10_000) {
    const wan = Math.round(n / 1_000) / 10;
    return `${wan}万`;
  }
  return String(n);
}

export const registerMessages = {
  commandSummary:
    "登记网络舆情：舆情 一段话（含链接、责任单位、发现时间、级别）；只发「舆情」查看在办舆情并逐步登记",
  dialogTitle: "舆情登记",

  sourceLabel: "来源",
  sourcePrompt: "舆情出现在哪里？",
  sourceHelp: "回复序号或名称，例如「1」或「微博」。不在列表里的选「其他」。",

  linkLabel: "链接",
  linkPrompt: "请发原帖链接（以 http:// 或 https:// 开头）。没有链接请回复「无」。",
  linkHelp: "直接粘贴原帖地址，例如 https://weibo.com/1234567890/AbCdEf 。机器人不会打开链接，只作记录。",
  linkInvalid: "这不是有效的链接。请粘贴以 http:// 或 https:// 开头的完整地址，没有链接请回复「无」。",
  noLink: "无",

  contentLabel: "内容",
  contentPrompt: "网上说了什么？请简要写明反映的问题：",
  contentHelp:
    "写清楚谁、在哪里、反映什么问题，例如「网友发帖称青山镇李家村垃圾长期无人清运」。2000 字以内。",
  contentTooShort: "内容太短了，请写清楚网上反映了什么问题。",
  contentTooLong: "内容请控制在 2000 字以内。",

  unitLabel: "责任单位",
  unitPrompt: (list: string) => `请选择责任单位（回复序号或单位名称，只选一个）：\n${list}`,
  unitHelp: "回复单位序号或名称，例如「3」或「青山镇」。只能选一个责任单位。",
  unitUnknown: (word: string, count: number) =>
    `没有找到单位「${word}」。请回复 1 到 ${count} 之间的序号，或单位名称。`,
  unitOnlyOne: "责任单位只能选一个，请回复一个序号或单位名称。",
  unitEmpty: "请回复责任单位的序号或名称。",

  foundLabel: "发现时间",
  foundPrompt: "什么时候发现的？例如「今天8时30分」「8:30」「刚才」「昨天20时」。",
  foundHelp: "可写：8:30、8时30分、今天上午8点半、昨天20时、12月6日21时、半小时前、刚才、现在。",
  foundUnknown: (text: string) =>
    `没看懂发现时间「${text}」。请写成「今天8时30分」「8:30」「昨天20时」「半小时前」「刚才」这样的形式。`,
  foundFuture: (text: string) => `发现时间「${text}」晚于现在，请写已经发现的时间。`,

  reachLabel: "传播情况",
  reachPrompt: "传播情况？例如「阅读2.3万、转发150、评论320」。不清楚请回复「无」。",
  reachHelp:
    "按阅读、转发、评论写数字，可以带「万」，例如「阅读10万+ 转发1500」；也可以只写三个数字「23000 150 320」。",
  reachUnknown: "没看懂传播情况。请写成「阅读2.3万、转发150、评论320」，不清楚请回复「无」。",
  reachNone: "无",
  reachText: (reach: Reach) =>
    [
      reach.reads !== null ? `阅读${count(reach.reads)}` : "",
      reach.reposts !== null ? `转发${count(reach.reposts)}` : "",
      reach.comments !== null ? `评论${count(reach.comments)}` : "",
    ]
      .filter(Boolean)
      .join("、"),

  levelLabel: "级别",
  levelPrompt: "舆情级别？",
  levelHelp: "按影响程度选择：重大舆情核实、回应最急，一般舆情时限最长。",

  verifyDueLabel: "核实时限",
  /** A deadline on the summary that has already passed. */
  duePassed: (deadline: string) => `${deadline}（已过，登记后即催办）`,
  respondDueLabel: "回应时限",
  registrantLabel: "登记人",

  understood: "已从您的描述中识别出以下内容",
  understoodNote: (missing: string[]) =>
    `接下来请补充：${missing.join("、")}。识别有误可在最后核对时「修改」。`,
  foundNotTaken: (at: string) => `${at} 晚于现在，未采用`,
  unitNotFound: (word: string) => `没有找到单位「${word}」，请从列表中选择`,

  filed: (number: string, unit: string, verifyBy: string, respondBy: string) =>
    `已登记 ${number}。${unit}须在 ${verifyBy} 前核实、${respondBy} 前回应，已通知值班室、县领导和${unit}。可发「查询 ${number}」查看办理情况。`,
  filedAlready: (number: string) => `${number} 已经登记，不会重复登记。`,

  alertTitle: (heading: string, level: string) => `${heading}（${level}）`,
  cardSource: "来源",
  cardLink: "链接",
  cardContent: "内容",
  cardUnit: "责任单位",
  cardFound: "发现时间",
  cardReach: "传播",
  cardVerifyDue: "核实时限",
  cardRespondDue: "回应时限",
  cardRegistrant: "登记人",
  cardOversightNote: "请阅知；需要指示请点「批示」，可能引发突发事件请点「转突发」。",
  cardUnitNote: (verifyBy: string, respondBy: string) =>
    `请立即签收，${verifyBy} 前核实情况，拟好回应口径报审，${respondBy} 前完成回应。`,
  cardUnitTyped: (number: string) =>
    `可回复「签收 ${number}」「核实 ${number} 核实情况」「口径 ${number} 拟回应内容」「已回应 ${number} 链接或说明」。`,
  alertJobLabel: "发送舆情通知",
};
