/** The words office facts are written in (Chinese): days, weekdays, durations and roles in refusals. */
import type { Role } from "../../config/org.ts";

const ROLE_NAMES: Record<Role, string> = {
  leader: "县领导",
  duty: "值班员",
  director: "单位负责人",
  reporter: "信息员",
  admin: "管理员",
};

export const officeMessages = {
  /** `12月1日（星期二）`; `weekday` 0 is Sunday. */
  dayZh: (month: number, date: number, weekday: number) =>
    `${month}月${date}日（星期${["日", "一", "二", "三", "四", "五", "六"][weekday]}）`,
  underAMinute: "不到 1 分钟",
  days: (n: number) => `${n} 天`,
  hours: (n: number) => `${n} 小时`,
  minutes: (n: number) => `${n} 分钟`,
  /** Roles as a refusal names them: `县领导、值班员`. */
  roles: (roles: readonly string[]) => roles.map((r) => ROLE_NAMES[r as Role] ?? r).join("、"),
  /** A deadline: `12月10日 18:00`. */
  deadline: (month: number, day: number, clock: string) => `${month}月${day}日 ${clock}`,
  /** A document asked for in a group went to the asker's one-to-one chat. */
  documentSentDirect: (fileName: string) => `《${fileName}》已单独发给您，请在与快报的单聊中查收。`,
  documentsUnavailable: "本机没有配置文件存储，暂时不能发送文件。请到值班台下载。",
};

/**
 * The words and fonts of the office's 公文 (信息专报, 通报), after GB/T 9704-2012: the fonts are
 * named as Word and WPS know them on Chinese systems.
 */
export const officialDocumentMessages = {
  /** 发文机关 when the policy names none (`office_name`). */
  defaultOfficeName: "县人民政府总值班室",
  /** `第42期` */
  issue: (n: number) => `第${n}期`,
  /** `2026年12月3日` */
  date: (year: number, month: number, day: number) => `${year}年${month}月${day}日`,
  /** `2026年12月3日14时05分` */
  dateTime: (year: number, month: number, day: number, hour: number, minute: number) =>
    `${year}年${month}月${day}日${hour}时${String(minute).padStart(2, "0")}分`,
  signerLabel: "签发人：",
  fonts: {
    /** 标题、版头 */
    title: "方正小标宋简体",
    /** 正文 */
    body: "仿宋_GB2312",
    /** 一级标题（一、二、） */
    heading: "黑体",
    /** 签发人姓名 */
    signer: "楷体_GB2312",
    /** 页码 */
    pageNumber: "宋体",
  },
};
