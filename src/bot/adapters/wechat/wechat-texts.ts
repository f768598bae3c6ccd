/** Chinese texts of the WeChat adapter, in one place for review. */

export const wechatTexts = {
  urgentMark: "【加急】",
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
  askToBind: (nickname: string) =>
    `您好，「${nickname}」的微信还没有和通讯录中的人员对应。请回复「绑定 您的姓名」（例如：绑定 张三）申请绑定，值班员核实后会给您确认码。`,
  bindUnknownName: (name: string) => `通讯录中没有「${name}」。请回复「绑定 您的姓名」，姓名与通讯录一致。`,
  bindTaken: (name: string) => `「${name}」已经绑定了另一个微信。如需更换，请联系值班室。`,
  bindRequested: (name: string) =>
    `已提交绑定申请（${name}）。值班员核实后会把 6 位确认码告诉您，请在这里回复「确认码 123456」这样的消息完成绑定。`,
  bindDutyNotice: (nickname: string, name: string, unit: string, code: string, minutes: number) =>
    `【微信绑定申请】微信用户「${nickname}」申请绑定为 ${name}（${unit}）。请电话或当面核实是本人后，把确认码 ${code} 告诉他，由他在微信回复「确认码 ${code}」。${minutes} 分钟内有效；不是本人请勿告知。`,
  bindWrongCode: "确认码不对或已过期。请向值班员核对，或重新回复「绑定 您的姓名」申请。",
  bindDone: (name: string) => `绑定成功，您好，${name}！现在可以直接使用了，回复「帮助」查看指令。`,
  bindDoneDuty: (nickname: string, name: string) => `微信用户「${nickname}」已绑定为 ${name}。`,
  loggedOut: (user: string) =>
    `【微信掉线】快报助手的微信（${user}）已退出登录，发往微信的消息会重试，仍未送达的会在这里列出。请管理员打开控制台扫码重新登录。`,
  loginError: (reason: string) => `【微信异常】快报助手的微信连接出错：${reason}。如持续出现，请管理员检查。`,
};
