/**
 * 舆情: the texts every part of the capability shares — the item's heading, the names of its steps,
 * the stages' names and the labels of its buttons (fixed: people and acceptance conversations use
 * them). Each sub-folder keeps its own texts in its messages.ts.
 */
import type { OpinionStage } from "./opinion-types.ts";
import type { ItemStep } from "./rules/item-state.ts";

export const opinionMessages = {
  heading: (number: string) => `【舆情】${number}`,
  /** Where an item can appear (the register dialog's choices, in this order; fixed by the contract). */
  sources: ["微博", "抖音", "微信公众号/视频号", "今日头条", "本地论坛", "12345热线", "领导留言板", "其他"],
  step: {
    unsigned: "待签收",
    signed: "待核实",
    verified: "待报口径",
    draft_pending: "口径待审核",
    approved: "待回应",
    responded: "已回应",
    closed: "已办结",
  } satisfies Record<ItemStep, string>,
  stage: { verify: "核实", respond: "回应" } satisfies Record<OpinionStage, string>,
  /** A stage past its deadline: `核实超时`. */
  overdue: (stage: OpinionStage) => `${opinionMessages.stage[stage]}超时`,
  buttons: {
    read: "已阅",
    instruct: "批示",
    convert: "转突发",
    sign: "签收",
    verify: "核实",
    draft: "口径",
    respond: "已回应",
    approve: "同意发布",
    revise: "修改意见",
    close: "办结",
    confirmRegister: "确认登记",
  },
  noOpenItems: "目前没有在办舆情。",
  noOpenItemsOfUnit: "本单位目前没有在办舆情。",
  openHeading: (n: number) => `在办舆情 ${n} 件：`,
  openLine: (l: {
    number: string;
    level: string;
    unit: string;
    step: string;
    respondBy: string;
    overdue: string[];
  }) =>
    `${l.number}（${l.level}）${l.unit} ${l.step}，${l.respondBy}前回应${l.overdue.length > 0 ? `【${l.overdue.join("、")}】` : ""}`,
  unknownNumber: (text: string) => `没有找到舆情「${text}」，请核对编号（如 Y2026-0001）。`,
  staleButton: "这个按钮已失效，请发“舆情”查看在办舆情。",
  notAllowed: "你没有这项权限。",
};
