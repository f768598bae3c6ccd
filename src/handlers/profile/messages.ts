/** Chinese texts of the profile capability (登记 and 我是谁). */
import type { Role } from "../../config/org.ts";

export const ROLE_NAMES: Record<Role, string> = {
  reporter: "信息员",
  duty: "值班员",
  director: "单位负责人",
  leader: "领导",
  admin: "管理员",
};

export const profileMessages = {
  confirmLabel: "确认登记",
  phoneLabel: "手机号",
  titleLabel: "职务",
  nightLabel: "夜间加急",
  nameLabel: "姓名",
  unitLabel: "单位",
  rolesLabel: "角色",
  confirmedLabel: "登记",
  confirmedAt: (at: string, night: string) => `${at}（夜间加急：${night}）`,
  dialogTitle: "登记个人信息",
  phonePrompt: (current: string | undefined) =>
    current
      ? `请输入您的手机号（11 位）。现在登记的是 ${current}，没有变化请回复「跳过」。`
      : "请输入您的手机号（11 位）。",
  phoneHelp: "手机号用于紧急情况下的电话、短信加急通知。",
  phoneInvalid: "手机号应为 1 开头的 11 位数字，例如 13800000000。",
  titlePrompt: (current: string | undefined) =>
    current ? `您的职务是？现在登记的是「${current}」，没有变化请回复「跳过」。` : "您的职务是？",
  titleInvalid: "职务请写 1 到 20 个字。",
  nightPrompt: "夜间（22:00—次日 7:00）有紧急情况时，是否同意用加急消息提醒您？",
  yes: "同意",
  no: "不同意",
  unchanged: "不变",
  saved: (name: string) => `${name}，您的信息已登记，谢谢！发送「我是谁」可随时查看。`,
  whoamiTitle: "我的信息",
  notConfirmed: "尚未登记（发送「/登记」核对）",
  commandSummary: "登记或核对本人手机号、职务和加急通知意愿",
  whoamiSummary: "查看本人在通讯录中的信息",
};
