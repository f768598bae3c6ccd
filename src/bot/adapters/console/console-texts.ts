/** Chinese texts of the console API's errors. */
export const consoleTexts = {
  chatMissing: "请指定会话 chat（群名称、群 id，或「私聊 姓名」）。",
  senderMissing: "请指定发言人 sender（姓名或人员 id）。",
  textMissing: "消息内容 text 不能为空。",
  actionMissing: "请指定按钮 action。",
  messageIdInvalid: "messageId 应为消息编号（不超过 2147483647 的正整数）。",
  afterInvalid: "after 应为消息编号（0 到 2147483647 的整数）。",
  eventIdInvalid: "eventId 应为 1 到 200 个字符，不能含控制字符。",
  controlCharacter: (field: string) => `${field} 里有控制字符（如 \\u0000），请删去后再发送。`,
  badRequest: "请求格式不对。",
  serverError: "服务器内部错误，请稍后再试。",
  unknownChat: (chat: string) => `没有这个会话：${chat}。`,
  unknownSender: (sender: string) => `「${sender}」不在通讯录中，请联系办公室添加后再使用。`,
  notMember: (name: string, chat: string) => `${name}不是「${chat}」的成员，不能在这里发言。`,
  unknownMessage: "这个会话里没有这条消息。",
  unknownAction: "这条消息上没有这个按钮。",
};
