/** What the DingTalk adapter itself says to people (short Chinese sentences). */
export const dingtalkTexts = {
  greetingUnknown: (bot: string) =>
    `我是${bot}。本群还没有对应的单位群，请管理员或单位负责人在本群 @我 发送「绑定 群名称」，例如「绑定 青山镇工作群」。`,
  tooLong: (max: number) => `消息太长（超过 ${max} 字），请分几次发送。`,
  unsupported: "暂时识别不了这类消息（图片、语音、文件等），请用文字发送。",
  unknownPerson: "通讯录里没有您，请联系管理员登记。",
  urgentFailed: (chat: string, names: string, reason: string) =>
    `【DING 失败】「${chat}」的 DING 没有发给 ${names}（${reason}）。消息本身已发出，请电话通知。`,
  noAccount: "没有钉钉账号",
  dingChannel: { app: "应用内 DING", sms: "短信 DING", phone: "电话 DING" },
  dingFailed: (channel: string, reason: string) => `${channel}失败：${reason}`,
  readCount: (read: number, total: number) => `已读 ${read}/${total}`,
  /** A file the robot cannot send, sent as its name. */
  fileByName: (name: string) => `［附件］${name}（钉钉机器人无法发送此文件，请在控制台查看）`,
  /** The card's title line in a markdown message (no card template configured). */
  cardTitle: (title: string) => `### ${title}`,
};
