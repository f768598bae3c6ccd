/**
 * What a 舆情 item is made of, as the rest of the capability sees it: the item, the two stages its
 * clocks watch (核实, 回应), and the kinds of step its timeline records.
 */
import type { OpinionEvent, OpinionItem } from "../../store/generated/client.ts";

export type { OpinionEvent, OpinionItem };

/** The two deadlines of an item: 核实 (`verify_within`) and 回应 (`respond_within`). */
export type OpinionStage = "verify" | "respond";
export const OPINION_STAGES: readonly OpinionStage[] = ["verify", "respond"];

/** Every kind of step an item's timeline holds. */
export const OPINION_EVENT_KINDS = [
  "registered", // 登记 (detail: level, unit, dues)
  "alerted", // the alert reached the groups
  "read", // 已阅 by a leader or the duty office
  "instructed", // 批示 (detail.text)
  "signed", // 签收 by the responsible unit
  "verified", // 核实 (detail.text)
  "drafted", // 口径 sent for approval (detail.text)
  "revision_asked", // 修改意见 (detail.text): the draft went back to the unit
  "approved", // 同意发布 (detail.text: the approved wording)
  "responded", // 已回应 (detail.text: link or note)
  "reminded", // a reminder before a deadline (detail.stage)
  "escalated", // a deadline passed: a round of escalation (detail.stage, detail.round, detail.people)
  "converted", // 转突发: a 首报 dialog opened from the item (by the actor)
  "incident_filed", // that 首报 was filed (detail.incidentId, detail.number)
  "closed", // 办结
] as const;
export type OpinionEventKind = (typeof OPINION_EVENT_KINDS)[number];

/** A step to append to the timeline. */
export interface OpinionEventInput {
  kind: OpinionEventKind;
  at: Date;
  actorId: string | null;
  detail?: object;
}
