/**
 * The open 舆情 items a person may see (`舆情` alone): leaders and the duty office all of them, a
 * unit's people their unit's; one line each with the number, level, unit, step, 回应 deadline and
 * what is overdue.
 */
import type { ConversationContext } from "../../bot/core/context.ts";
import { deadlineText } from "../office/deadline-text.ts";
import { seesEverything } from "../office/oversight.ts";
import { opinionMessages as M } from "./messages.ts";
import type { OpinionSetting } from "./opinion-parts.ts";
import { OpinionStore } from "./opinion-store.ts";
import type { OpinionItem } from "./opinion-types.ts";
import { itemStep, overdueStages } from "./rules/item-state.ts";
import { levelOf } from "./rules/opinion-level.ts";

export async function openItemsText(
  ctx: ConversationContext,
  { rules, office }: OpinionSetting,
): Promise<string> {
  const { person, services } = ctx;
  const store = new OpinionStore(services.database);
  const all = seesEverything(person);
  const items = await store.open(all ? undefined : person.unit);
  if (items.length === 0) return all ? M.noOpenItems : M.noOpenItemsOfUnit;
  const now = services.clock.now();
  const line = (item: OpinionItem) =>
    M.openLine({
      number: item.number,
      level: levelOf(rules, item.levelId).name,
      unit: services.directory.unitName(item.unitId),
      step: M.step[itemStep(item)],
      respondBy: deadlineText(item.respondDueAt, office.timezone),
      overdue: overdueStages(item, now).map((s) => M.overdue(s)),
    });
  return [M.openHeading(items.length), ...items.map(line)].join("\n");
}
