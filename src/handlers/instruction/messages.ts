/** Chinese texts of the instruction (批示) capability, in one place for review. */

export const instructionMessages = {
  instructSummary: "领导批示，转达报告单位并跟踪收到：批示 2026-0042 请立即组织救援",
  receiptSummary: "确认收到领导批示：收到（有多条待确认时：收到 2026-0042）",
  notConfigured: "还没有配置报送规则（policy.yaml），暂时不能批示。请联系管理员。",
  notAllowed: "批示须由县领导作出，您的角色不能批示。",
  usage: "请写事件编号和批示内容，例如「批示 2026-0042 请立即组织救援，做好伤员救治」。",
  closed: (number: string) => `${number} 已终报结案，不能再批示。`,
  closedReceipt: (number: string) => `${number} 已终报结案，不需要再回复收到。`,
  staleButton: "这条批示已不存在，请按最新的消息操作。",

  dialogTitle: "批示",
  confirmLabel: "确认批示",
  textLabel: "批示内容",
  textPrompt: (number: string, subject: string) => `请输入对 ${number}（${subject}）的批示内容：`,
  textHelp: "直接写要求即可，例如「请立即组织救援，做好伤员救治」，1000 字以内。",
  textEmpty: "批示内容不能为空。",
  textTooLong: (max: number) => `批示内容请控制在 ${max} 字以内。`,
  incidentLabel: "事件",
  summaryLabel: "基本情况",
  summaryMissing: "待补",
  nobody: "无",
  chaseJobLabel: "催收批示回执",
  relayJobLabel: "转达领导批示",
  relayLabel: "转达",
  askLabel: "须确认收到",

  relayed: (number: string, chats: string, people: string) =>
    `${number} 的批示已记录，正在转达${chats}。请${people}确认收到，无人确认时自动催办，全部确认后告诉您。`,
  relayedNobodyToAsk: (number: string, chats: string) =>
    `${number} 的批示已记录，正在转达${chats}。该单位没有需要确认收到的人员。`,
  relayedAlready: (number: string) => `${number} 的这条批示已经转达，不会重复发送。`,

  cardTitle: (number: string) => `【领导批示】${number}`,
  cardLeader: "批示领导",
  cardText: "批示",
  cardAt: "批示时间",
  cardAsk: "请确认收到",
  cardAskNote: "请以上同志确认收到。",
  cardAskTyped: (number: string) => `可回复「收到」（有多条待确认时回复「收到 ${number}」）。`,
  cardCopyNote: (chats: string) => `已转达${chats}，等待有关同志确认收到。`,
  receivedButton: "收到",
  convertButton: "转督办",

  chaseTitle: (number: string) => `【催办】请确认收到 ${number} 的批示`,
  chaseWaiting: "待确认",
  chaseNote: (since: string) => `批示发出已 ${since}，请确认收到。`,

  thanks: (name: string, number: string) => `${name}已确认收到 ${number} 的批示，谢谢。`,
  stillWaiting: (names: string) => `尚待确认：${names}。`,
  allConfirmed: (number: string, who: string) => `您对 ${number} 的批示已全部确认收到：${who}。`,
  notConfirmedToLeader: (number: string, since: string, chases: number, missing: string, done: string) =>
    `您对 ${number} 的批示发出已 ${since}，${chases > 0 ? `催办 ${chases} 次后` : ""}仍未确认收到：${missing}。${done ? `已确认：${done}。` : ""}`,

  choose: (numbers: string[]) =>
    `您有 ${numbers.length} 条事件的批示待确认：${numbers.join("、")}。请回复「收到 编号」，例如「收到 ${numbers[0]}」。`,
  already: (number: string, at: string) => `您已于 ${at} 确认收到 ${number} 的批示，不用再回复。`,
  notListed: (number: string) => `${number} 的批示不需要您确认收到（您不在确认名单中）。`,
  nothingPending: "您目前没有待确认收到的批示。",
};
