/** Chinese texts of the help capability. */
export const helpMessages = {
  summary: "查看能用的指令",
  title: (botName: string) => `${botName}能做什么`,
  note: "在群里请先 @ 我再说指令；私聊直接发送即可。办理中随时可回复「取消」「返回」「帮助」。",
};
