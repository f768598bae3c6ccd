/** Chinese texts of binding: a platform group to an org group, a platform account to a person. */
export const bindingMessages = {
  groupUsage: "请写明要绑定的群，例如「绑定 青山镇工作群」。",
  groupNotAllowed: "只有管理员或单位负责人可以绑定本群。",
  groupUnknownTarget: (name: string) => `通讯录里没有「${name}」这个群，请核对群名称。`,
  groupTaken: (name: string) => `「${name}」已经绑定了另一个飞书群，如需更换请联系管理员。`,
  groupBound: (name: string) => `已将本群绑定为「${name}」。@我 发送「帮助」查看用法。`,
  groupNotBound: "本群还没有绑定单位群，请管理员 @我 发送「绑定 群名称」。",
  askToBind: (nickname: string) =>
    `您好，「${nickname}」的微信还没有和通讯录中的人员对应。请回复「绑定 您的姓名」（例如：绑定 张三）申请绑定，值班员核实后会给您确认码。`,
  personUnknownName: (name: string) => `通讯录中没有「${name}」。请回复「绑定 您的姓名」，姓名与通讯录一致。`,
  personTaken: (name: string) => `「${name}」已经绑定了另一个微信。如需更换，请联系值班室。`,
  personRequested: (name: string) =>
    `已提交绑定申请（${name}）。值班员核实后会把 6 位确认码告诉您，请在这里回复「确认码 123456」这样的消息完成绑定。`,
  personDutyNotice: (nickname: string, name: string, unit: string, code: string, minutes: number) =>
    `【微信绑定申请】微信用户「${nickname}」申请绑定为 ${name}（${unit}）。请电话或当面核实是本人后，把确认码 ${code} 告诉他，由他在微信回复「确认码 ${code}」。${minutes} 分钟内有效；不是本人请勿告知。`,
  personWrongCode: "确认码不对或已过期。请向值班员核对，或重新回复「绑定 您的姓名」申请。",
  personBound: (name: string) => `绑定成功，您好，${name}！现在可以直接使用了，回复「帮助」查看指令。`,
  personBoundDuty: (nickname: string, name: string) => `微信用户「${nickname}」已绑定为 ${name}。`,
};
