/**
 * What the duty and the leaders' groups get once the unit reported 已回应: 【已回应】Y2026-0001 with
 * the unit, the link or note, the approved wording and who reported, and a 办结 button. Pure.
 */
import type { Directory } from "../../../bot/core/directory.ts";
import type { Card } from "../../../bot/core/message.ts";
import { opinionMessages as O } from "../messages.ts";
import { opinionActionValue } from "../opinion-actions.ts";
import type { OpinionItem } from "../opinion-types.ts";
import { answerMessages as M } from "./messages.ts";

export function responseCard(item: OpinionItem, directory: Directory): Card {
  return {
    title: M.responseTitle(item.number),
    tone: "blue",
    fields: [
      { label: M.responseUnit, value: directory.unitName(item.unitId) },
      { label: M.responseNote, value: item.responseNote ?? "" },
      ...(item.approvedText ? [{ label: M.responseText, value: item.approvedText }] : []),
      ...(item.respondedBy ? [{ label: M.responseBy, value: directory.personName(item.respondedBy) }] : []),
    ],
    buttons: [{ label: O.buttons.close, action: opinionActionValue("close", item.id) }],
    note: M.responseCardNote,
    typedReplies: M.responseTyped(item.number),
  };
}
