/**
 * Where a 批示 or a 办结 of an item is told: the responsible unit as a whole (its group, its people
 * mentioned; one to one for those the group does not hold) and the office's groups named, each chat
 * once.
 */
import type { Directory } from "../../../bot/core/directory.ts";
import type { Say } from "../../../bot/core/outbox.ts";
import { reachWholeUnit } from "../../office/unit-reach.ts";

export interface Notice {
  chatId: string;
  say: Say;
}

export function itemNotices(
  directory: Directory,
  unitId: string,
  text: string,
  groups: readonly string[],
): Notice[] {
  const unit = reachWholeUnit(directory, unitId).map((d) => ({
    chatId: d.chatId,
    say: d.mentions.length > 0 ? { text, mentions: d.mentions } : { text },
  }));
  const taken = new Set(unit.map((n) => n.chatId));
  const others = [...new Set(groups)]
    .filter((id) => !taken.has(id))
    .map((chatId) => ({ chatId, say: { text } }));
  return [...unit, ...others];
}
