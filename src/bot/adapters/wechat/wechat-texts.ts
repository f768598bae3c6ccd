/** Chinese texts of the WeChat adapter, in one place for review. */

export const wechatTexts = {
  urgentMark: "【加急】",
  /** Names given to a picture, video or file sent without one. */
  imageName: "图片.jpg",
  videoName: "视频.mp4",
  fileName: "文件",
  /** How numbered dialog choices are answered: `回复 1 确认上报 / 2 修改`. */
  numberedChoices: (choices: string[]) => `回复 ${choices.join(" / ")}`,
  /** How a card's buttons are answered by reply code: `回复「7 已阅」「7 批示」`. */
  codeChoices: (replies: string[]) => `回复${replies.map((r) => `「${r}」`).join("")}`,
  continued: (part: number, total: number) => `（续 ${part}/${total}）`,
  unknownCode: (code: string) =>
    `没有找到回复码 ${code}，可能已过期或不是这个群的。请按最新消息里的提示回复，例如「7 已阅」。`,
  wrongLabel: (code: string, replies: string[]) =>
    `回复码 ${code} 可以这样回复：${replies.map((r) => `「${r}」`).join("")}。`,
  bareNumber:
    "现在没有等您回复数字的问题。处理提醒请按消息里的提示回复，例如「7 已阅」；办事请先发「帮助」查看指令。",
  repeatHeadUnknown: "请查看上面的加急消息并回复",
  repeatNote: (round: number, limit: number) => `（第 ${round}/${limit} 次提醒，请回复确认）`,
  loggedOut: (user: string) =>
    `【微信掉线】快报助手的微信（${user}）已退出登录，发往微信的消息会重试，仍未送达的会在这里列出。请管理员打开控制台扫码重新登录。`,
  loginError: (reason: string) => `【微信异常】快报助手的微信连接出错：${reason}。如持续出现，请管理员检查。`,
};
