/**
 * Texts of the units' actions on a 督办 task (签收, 反馈, 申请延期, 申请办结) and of the assigner's
 * answers (同意延期 / 不同意, 确认办结 / 退回). Deadlines and times come in already written.
 */

export const actionMessages = {
  extensionTypedReplies: (number: string) => `可回复「同意延期 ${number}」或「不同意 ${number}」`,
  closeTypedReplies: (number: string) => `可回复「确认办结 ${number}」或「退回 ${number} 理由」`,
  /** The answers' command words, to show how to name a unit. */
  verbs: { grant: "同意延期", refuse: "不同意", confirm: "确认办结", return: "退回" },

  // Help lines of the typed commands.
  signSummary: "签收督办事项：签收 D2026-0001（任务卡下回复“收到”也可）",
  progressSummary: "反馈进展：反馈 D2026-0001 进展情况",
  extendSummary: "申请延期：申请延期 D2026-0001 12月10日前 理由",
  closeSummary: "申请办结：申请办结 D2026-0001 办理结果",
  grantSummary: "同意延期：同意延期 D2026-0001",
  refuseSummary: "不同意延期：不同意 D2026-0001",
  confirmSummary: "确认办结：确认办结 D2026-0001",
  returnSummary: "退回办结申请：退回 D2026-0001 理由",
  receiptSummary: "在督办任务卡下回复“收到”即签收",

  // How to type each form, when the number (or more) is missing.
  usage: {
    sign: "请写明编号，例如：签收 D2026-0001",
    progress: "请写明编号和进展，例如：反馈 D2026-0001 已完成摸底，正在汇总",
    extend: "请写明编号、新期限和理由，例如：申请延期 D2026-0001 12月10日前 物资清点尚未完成",
    close: "请写明编号和办理结果，例如：申请办结 D2026-0001 已报送储备情况",
    grant: "请写明编号，例如：同意延期 D2026-0001",
    refuse: "请写明编号，例如：不同意 D2026-0001",
    confirm: "请写明编号，例如：确认办结 D2026-0001",
    return: "请写明编号和理由，例如：退回 D2026-0001 数据不全，请补充",
  },

  // Who may.
  notYourPart: (number: string, unit: string) =>
    `${number} 这一项是交办给${unit}的，只有${unit}的同志可以签收、反馈、申请延期或申请办结。`,
  notYourTask: (number: string) => `${number} 没有交办给你所在的单位，无需办理。`,
  notAnswerer: (assigner: string) =>
    `只有交办人（${assigner}）或有督办审批权限的领导、值班室同志可以审批延期和办结。`,

  // 签收
  signed: (number: string, unit: string, who: string, due: string) =>
    `${number} ${unit}已签收（${who}）。请抓紧办理，期限 ${due}。`,
  alreadySigned: (number: string, unit: string, who: string, at: string) =>
    `${number} ${unit}已签收（${who}，${at}），无需重复签收。`,
  nothingToSign: "你单位没有待签收的督办事项。",
  chooseToSign: (numbers: string[]) =>
    `你单位有 ${numbers.length} 项督办待签收：${numbers.join("、")}。请逐项回复，例如「签收 ${numbers[0]}」。`,
  partClosed: (number: string, unit: string) => `${number} ${unit}的任务已办结，无需再操作。`,

  // 反馈
  progressTitle: "反馈进展",
  progressLabel: "进展",
  progressPrompt: (number: string) => `请写 ${number} 的办理进展：`,
  progressConfirm: "确认反馈",
  progressEmpty: "进展不能为空，请写明办理情况。",
  textTooLong: (max: number) => `内容太长，请控制在 ${max} 字以内。`,
  progressSaved: (number: string, unit: string) => `已记录 ${number} ${unit}的进展反馈。`,

  // 申请延期
  extendTitle: "申请延期",
  newDeadlineLabel: "新期限",
  newDeadlinePrompt: (number: string, due: string) =>
    `${number} 现在的期限是 ${due}。请写新的期限，例如：12月10日前、12月10日17时前、2026-12-10、明天12时前`,
  reasonLabel: "理由",
  extendReasonPrompt: "请写延期理由：",
  extendConfirm: "提交延期申请",
  badDeadline: (text: string) =>
    `没看懂期限「${text}」。请写成 12月10日前、12月10日17时前、2026-12-10 或 明天12时前。`,
  notLater: (current: string) => `新期限应晚于现在的期限（${current}）。`,
  notFuture: "新期限已经过去了，请写一个以后的时间。",
  reasonEmpty: "理由不能为空。",
  extensionPending: (number: string, due: string) =>
    `${number} 已申请延期至 ${due}，正在等待审批，请勿重复申请。`,
  closePending: (number: string) => `${number} 已申请办结，正在等待确认。`,
  extensionSent: (number: string, due: string, assigner: string) =>
    `已将 ${number} 延期至 ${due} 的申请报交办人${assigner}审批，结果会在本单位工作群告知。`,
  extensionCardTitle: (number: string) => `【延期申请】${number}`,

  // Labels of the cards to the assigner.
  taskLabel: "事项",
  unitLabel: "承办单位",
  applicantLabel: "申请人",
  currentDueLabel: "现期限",
  requestedDueLabel: "申请延至",
  resultLabel: "办理结果",
  closeCardNote: "请核实办理结果：确认办结，或退回重办。",
  extensionCardNote: "同意后期限改为申请的时间，催办和督办按新期限进行。",

  // 同意延期 / 不同意
  noPendingExtension: (number: string) => `${number} 没有待审批的延期申请（可能已经审批过了）。`,
  granted: (number: string, unit: string, due: string, who: string) =>
    `${number} ${unit}的延期申请已同意（${who}），新期限 ${due}。`,
  grantedDone: (number: string, unit: string, due: string) =>
    `已同意 ${number} ${unit}延期至 ${due}，已通知该单位。`,
  refused: (number: string, unit: string, due: string, who: string) =>
    `${number} ${unit}的延期申请未获同意（${who}），期限仍为 ${due}，请按期办结。`,
  refusedDone: (number: string, unit: string) => `已不同意 ${number} ${unit}的延期申请，已通知该单位。`,

  // 申请办结
  closeTitle: "申请办结",
  closePrompt: (number: string) => `请写 ${number} 的办理结果：`,
  closeConfirm: "提交办结申请",
  resultEmpty: "办理结果不能为空。",
  closeSent: (number: string, assigner: string) =>
    `已将 ${number} 的办结申请报交办人${assigner}确认，结果会在本单位工作群告知。`,
  closeCardTitle: (number: string) => `【办结申请】${number}`,

  // 确认办结 / 退回
  noPendingClose: (number: string) => `${number} 没有待确认的办结申请（可能已经处理过了）。`,
  confirmed: (number: string, unit: string, who: string) => `${number} ${unit}的任务已确认办结（${who}）。`,
  confirmedDone: (number: string, unit: string) => `已确认 ${number} ${unit}办结，已通知该单位。`,
  taskClosed: (number: string, content: string) => `${number}「${content}」各承办单位均已办结，事项办结。`,
  returnTitle: "退回办结申请",
  returnPrompt: (number: string, unit: string) => `请写退回 ${number} ${unit}办结申请的理由：`,
  returnConfirm: "确认退回",
  returned: (number: string, unit: string, who: string, reason: string, due: string) =>
    `${number} ${unit}的办结申请被退回（${who}）。理由：${reason}。请继续办理，期限 ${due}。`,
  returnedOverdue: (number: string, unit: string, who: string, reason: string, due: string) =>
    `${number} ${unit}的办结申请被退回（${who}）。理由：${reason}。期限 ${due} 已过，请尽快办结。`,
  returnedDone: (number: string, unit: string) => `已退回 ${number} ${unit}的办结申请，已通知该单位。`,

  // Which unit, when several wait for the same answer.
  chooseUnit: (number: string, units: string[], verb: string) =>
    `${number} 有 ${units.length} 个单位在等待审批：${units.join("、")}。请写明单位，例如「${verb} ${number} ${units[0]}」。`,
};
