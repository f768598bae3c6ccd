/** What the Feishu adapter itself says to people (short Chinese sentences). */
export const feishuTexts = {
  greetingKnown: (bot: string, chat: string) =>
    `大家好，我是${bot}，已接入「${chat}」。@我 发送「帮助」查看用法，发送「上报」报告突发事件。`,
  greetingUnknown: (bot: string) =>
    `大家好，我是${bot}。本群还没有对应的单位群，请管理员或单位负责人在本群 @我 发送「绑定 群名称」，例如「绑定 青山镇工作群」。`,
  tooLong: (max: number) => `消息太长（超过 ${max} 字），请分几次发送。`,
  unsupported: "暂时识别不了这类消息（语音、表情等），请用文字发送。",
  /** Names given to a picture, video or file sent without one. */
  imageName: "图片.jpg",
  videoName: "视频.mp4",
  fileName: "文件",
  /** A file too large for Feishu, sent as its name. */
  fileByName: (name: string) => `［附件］${name}（文件太大，飞书无法发送，请在控制台查看）`,
  actionReceived: "已收到，正在处理",
  actionForged: "这个按钮已失效，请在最新的消息上操作。",
  actionNotYours: "您不在这个群的名单里，不能操作。",
  actionUnknownPerson: "通讯录里没有您，请联系管理员登记。",
  urgentFailed: (chat: string, names: string, reason: string) =>
    `【加急失败】「${chat}」的加急没有发给 ${names}（${reason}）。消息本身已发出，请电话通知。`,
  acknowledgedBy: (name: string, time: string) => `${name} 已于 ${time} 阅示`,
  readCount: (read: number, total: number) => `已读 ${read}/${total}`,
};
