/** What the WeCom adapter itself says to people (short Chinese sentences), in one place for review. */
export const wecomTexts = {
  urgentMark: "【加急】",
  tooLong: (max: number) => `消息太长（超过 ${max} 字），请分几次发送。`,
  unsupported: "暂时识别不了这类消息（语音、文件、表情等），请用文字发送。",
  /** Names given to a picture or video a person sent, and to a place without a name. */
  imageName: "图片.jpg",
  videoName: "视频.mp4",
  placeName: "位置",
  unknownPerson: "通讯录里没有您，请联系管理员在名单中登记您的企业微信账号或手机号。",
  actionStale: "这个按钮已失效，请在最新的消息上操作。",
  actionNotYours: "您不在这条消息所在群的名单里，不能操作。",
  /** Under a card posted in a group: group messages do not reach the app, so replies go to it. */
  replyInApp: (bot: string) => `（群里的回复收不到，请在工作台「${bot}」应用里发送）`,
  mentionLine: (names: string[]) => names.map((name) => `@${name}`).join(" "),
  repeatHeadUnknown: "请查看上面的加急消息并回复",
  repeatNote: (round: number, limit: number, bot: string) =>
    `（第 ${round}/${limit} 次提醒，请在「${bot}」应用里回复或点按钮确认）`,
  fileByName: (name: string) => `［附件］${name}（文件太大，企业微信无法发送，请在控制台查看）`,
  doneButton: "已处理",
  urgentFailed: (chat: string, names: string, reason: string) =>
    `【加急失败】「${chat}」的加急没有发给 ${names}（${reason}）。消息本身已发出，请电话通知。`,
};
