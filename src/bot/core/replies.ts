/** Chinese texts of the bot core (routing, refusals), in one place for review. */

export const MAX_TEXT_LENGTH = 4000;

/** How a one-to-one chat is named in lists and rosters: `私聊 张三`. */
export const DIRECT_CHAT_NAME_PREFIX = "私聊 ";

export const coreReplies = {
  unknownSender: (botName: string) =>
    `您好，${botName}暂时无法识别您的身份（不在本单位通讯录中）。请联系县总值班室或办公室把您加入通讯录后再使用。`,
  tooLong: (length: number) =>
    `这条消息有 ${length} 个字，超过了 ${MAX_TEXT_LENGTH} 字的上限，没有处理。请分几条发送，或只发要点。`,
  /** A bare `@快报助手`: how to ask, in a group with the @ (the bot hears only that there), one to one without. */
  bareMention: (botName: string, direct: boolean) =>
    direct
      ? "我在。请直接写要办的事，例如「上报」；回复「帮助」查看能用的指令。"
      : `我在。请在 @${botName} 后面写要办的事，例如「@${botName} 上报」；「@${botName} 帮助」查看能用的指令。`,
  notUnderstood: "没有听懂这句话。回复「帮助」查看能用的指令。",
  notAllowed: "您没有这项操作的权限。如需开通，请联系办公室。",
  staleAction: "这个按钮已失效，请按最新的消息操作。",
  mediaUnsupported: "暂时不能处理图片、文件和位置。请用文字说明。",
  failed: "处理时出了问题，消息已记录。请稍后再试；紧急情况请直接电话联系值班室。",
};

/** What the duty officer reads when the machinery itself fails (send queue, job worker). */
export const operatorNotices = {
  jobFailed: (label: string, key: string, attempts: number, reason: string) =>
    `【系统提醒】定时任务「${label}」（${key}）${attempts > 1 ? `重试 ${attempts} 次` : ""}仍失败，相关提醒或升级可能没有发出，请值班员人工跟进。\n原因：${reason.slice(0, 200)}`,
  sendFailed: (chat: string, sink: string, summary: string, reason: string) =>
    `【发送失败】发往「${chat}」的消息多次重试仍未送达（${sink}）：${summary}\n原因：${reason.slice(0, 200)}。请电话通知对方。`,
};
