/**
 * The 口径 review card the leaders' groups get: 【口径审核】Y2026-0001 with the item's content, the
 * unit's 核实情况 (when reported) and the 拟回应口径, and the buttons 同意发布 / 修改意见. Pure.
 */
import type { Directory } from "../../../bot/core/directory.ts";
import type { Card } from "../../../bot/core/message.ts";
import { opinionMessages as O } from "../messages.ts";
import { opinionActionValue } from "../opinion-actions.ts";
import type { OpinionItem } from "../opinion-types.ts";
import { answerMessages as M } from "./messages.ts";

export function reviewCard(item: OpinionItem, directory: Directory): Card {
  return {
    title: M.reviewTitle(item.number),
    tone: "orange",
    fields: [
      { label: M.reviewUnit, value: directory.unitName(item.unitId) },
      { label: M.reviewContent, value: item.content },
      ...(item.verification ? [{ label: M.reviewVerification, value: item.verification }] : []),
      { label: M.reviewDraft, value: item.draft ?? "" },
      ...(item.draftBy ? [{ label: M.reviewBy, value: directory.personName(item.draftBy) }] : []),
    ],
    buttons: [
      { label: O.buttons.approve, action: opinionActionValue("approve", item.id) },
      { label: O.buttons.revise, action: opinionActionValue("revise", item.id) },
    ],
    note: M.reviewNote,
    typedReplies: M.reviewTyped(item.number),
  };
}
