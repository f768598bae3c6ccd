/** Chinese texts of the desk's API (the page keeps its own words in public/texts.js). */
export const deskTexts = {
  signInRequired: "请先登录：在控制台登录后再打开值班台。",
  pickViewer: "请先选择以谁的身份查看值班台。",
  unknownViewer: (who: string) => `「${who}」不在通讯录中。`,
  adminOnly: "只有管理员可以查看任务队列。",
  notFound: "没有找到，或你无权查看。",
  unknownItem: "没有这个事项，或你无权查看。",
  unknownAction: "这个事项上没有这个操作，或你现在不能做。",
  textMissing: (label: string) => `请填写${label}。`,
  textTooLong: "内容太长，请控制在 2000 字以内。",
  unknownDocument: "没有这个文件，或你无权下载。",
  fileNotListed: "这个附件不在该事项中，或你无权查看。",
  fileGone: "附件已不在文件库中。",
  itemMissing: "请用 item=类型:编号 指明附件所属的事项。",
  badRequest: "请求格式不对。",
  serverError: "服务器内部错误，请稍后再试。",
  unavailable: "服务暂时不可用（正在重新连接 Redis），请稍后再试。这次操作没有收下。",
  acceptedLater: "已收到，稍后处理：正在重新连接 Redis，连上后会自动处理，不必重做。",
} as const;

/** The page's own words, served to it as a module (/desk/texts.js): the page has no build step. */
export const deskPageTexts = {
  title: "值班台",
  brand: "快报",
  wallTitle: "值班台 · 大屏",
  loading: "正在加载…",
  signInTitle: "请先登录",
  signInBody: "值班台与网页控制台共用登录。请先在控制台登录，再回到这里。",
  signInLink: "前往控制台登录",
  viewAs: "查看身份：",
  pickSomeone: "请选择以谁的身份查看",
  demoNote: "演示模式（仅限本机）",
  board: "值班台",
  wall: "大屏",
  queues: "任务队列",
  console: "控制台",
  back: "‹ 返回值班台",
  live: "实时",
  offline: "正在重新连接…",
  /** `{0}`: the time. */
  updatedAt: "更新于 {0}",
  charts: "统计图表",
  chartNoData: "暂无数据",
  documents: "文件下载",
  download: "下载",
  noDocuments: "你没有可下载的文件。",
  noPanels: "暂无可显示的内容。",
  actions: "办理",
  submit: "提交",
  done: "已办理，已发到会话中。",
  pending: "已收到，稍后处理。",
  failed: "操作没有成功：",
  itemGone: "没有这个事项，或你无权查看。",
  loadFailed: "加载失败，请稍后刷新。",
  due: "剩",
  overdue: "超时",
  /** `{0}`: how long since the event. */
  sinceLive: "已 {0}",
  day: "天",
  hour: "小时",
  minute: "分",
  second: "秒",
  justNow: "刚刚",
  files: "附件",
  /** `{0}`: an example value. */
  paramPlaceholder: "如 {0}",
} as const;

/**
 * The page's words and the office's zone as JSON for a `<script type="application/json">` in the
 * page (data, not run: the CSP allows it); `<` is escaped so no text can close the element.
 */
export function pageTextsJson(timezone: string): string {
  return JSON.stringify({ texts: deskPageTexts, timezone }).replaceAll("<", "\\u003c");
}
