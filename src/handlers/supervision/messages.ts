/**
 * 督查督办: the texts every part of the capability shares — the names of states, lights and roles,
 * and the labels of the task card's buttons (fixed: people and acceptance conversations use them).
 * Each sub-folder keeps its own texts in its messages.ts.
 */
import type { Light, PartStatus } from "./rules/part-state.ts";
import type { PartRole } from "./task-types.ts";

export const supervisionMessages = {
  heading: (number: string) => `【督办】${number}`,
  role: { lead: "牵头", assist: "配合" } satisfies Record<PartRole, string>,
  status: {
    closed: "已办结",
    overdue: "逾期",
    close_pending: "待确认办结",
    extension_pending: "申请延期中",
    unsigned: "待签收",
    in_progress: "办理中",
  } satisfies Record<PartStatus, string>,
  light: { green: "绿灯", yellow: "黄灯", red: "红灯" } satisfies Record<Light, string>,
  lightIcon: { green: "🟢", yellow: "🟡", red: "🔴" } satisfies Record<Light, string>,
  buttons: {
    sign: "签收",
    progress: "反馈",
    extend: "申请延期",
    close: "申请办结",
    grant: "同意延期",
    refuse: "不同意",
    confirm: "确认办结",
    return: "退回",
    convert: "转督办",
    confirmAssign: "确认交办",
  },
  unknownNumber: (text: string) => `没有找到督办事项「${text}」，请核对编号（如 D2026-0001）。`,
  staleButton: "这个按钮已失效，请发“督办”查看在办事项。",
  notAllowed: "你没有这项权限。",
};
