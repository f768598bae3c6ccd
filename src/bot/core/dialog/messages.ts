/** Chinese texts of the dialog engine, in one place for review. */

export const KEYWORDS = {
  cancel: ["取消", "退出", "/cancel"],
  back: ["返回", "上一步", "/back"],
  help: ["帮助", "?", "？", "/help"],
  skip: ["跳过", "不清楚", "不知道", "暂不清楚", "待补"],
  confirm: ["确认", "确定", "提交", "是"],
  edit: ["修改", "更改"],
};

/** 取消 / 返回 / 帮助 and the like: words every dialog step understands itself. */
export function isDialogKeyword(word: string): boolean {
  const lower = word.toLowerCase();
  return [...KEYWORDS.cancel, ...KEYWORDS.back, ...KEYWORDS.help].some((k) => k.toLowerCase() === lower);
}

export const dialogMessages = {
  confirmButton: "确认",
  editButton: "修改",
  cancelButton: "取消",
  /** The idle job, as the duty officer's notice names it when it keeps failing. */
  idleJobLabel: "对话超时提醒",
  /** What an expired dialog is called when its definition is gone (a deploy removed it). */
  unknownDialog: "对话",
  badFormat: "格式不对。",
  tooLong: (max: number) => `太长了，请不超过 ${max} 个字。`,
  tooShort: (min: number) => `太短了，请至少写 ${min} 个字。`,
  tooLarge: (max: number) => `数字太大，最多 ${max}。`,
  tooSmall: (min: number) => `数字太小，至少 ${min}。`,
  navigationHint: "回复「返回」回到上一步，「取消」结束，「帮助」查看说明。",
  /** Said on every platform, so it names no buttons (WeChat has none; where they exist they show themselves). */
  choiceHint: "请回复序号或选项的文字选择。",
  skipHint: "不清楚或没有变化可回复「跳过」，之后再补。",
  cancelled: (title: string) => `已取消「${title}」。需要时可重新开始。`,
  alreadyFirst: "已经是第一步了。",
  replaced: (title: string) => `之前未完成的「${title}」已结束，现在开始新的对话。`,
  invalidChoice: (count: number) => `请回复 1 到 ${count} 之间的序号。`,
  invalidAnswer: (reason: string) => `${reason}\n请重新输入，或回复「取消」结束。`,
  cannotSkip: (label: string) => `「${label}」必须填写，不能跳过。`,
  summaryTitle: (title: string) => `请核对：${title}`,
  summaryNote: "回复「确认」提交，回复「修改」更改某一项，回复「取消」放弃。",
  confirmOrEdit: "请回复「确认」提交，或「修改」更改某一项。",
  editPickTitle: "要修改哪一项？",
  editPickNote: "回复数字选择要修改的项目，回复「返回」回到核对页。",
  notFilled: "（未填，待补）",
  submitFailed: "提交没有成功，信息已保留。请稍后再回复「确认」重试；如多次失败请联系值班室。",
  staleButton: "这个按钮已失效（对话已结束或已进入下一步），请按最新的提示操作。",
  notYourDialog: "这是别人的对话，您不能替他操作。",
  help: (title: string, stepHelp: string | undefined) =>
    `正在办理「${title}」。${stepHelp ? `\n${stepHelp}` : ""}\n回复「返回」回到上一步，「取消」结束。`,
  idleReminder: (title: string, minutesLeft: number) =>
    `您的「${title}」还没有完成，正在等您回复。${minutesLeft} 分钟内没有回复将自动结束。`,
  expired: (title: string) => `「${title}」长时间没有回复，已自动结束。需要时请重新开始。`,
  progress: (index: number, total: number) => `（第 ${index}/${total} 步）`,
  formMissing: (label: string) => `「${label}」必须填写。`,
  formProblem: (label: string, reason: string) => `「${label}」：${reason}`,
  formRejected: (problems: string[]) =>
    `表单还有 ${problems.length} 处需要修改：\n${problems.map((p, i) => `${i + 1}. ${p}`).join("\n")}\n已填的内容都保留在下面的新表单里，改好后再点提交；也可以继续逐步回答。`,
  formStale: "这张表单已失效（对话已结束或已重新开始），需要时请重新开始。",
  notYourForm: "这是别人的表单，您不能替他提交。",
};
