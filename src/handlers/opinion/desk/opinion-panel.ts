/**
 * The board's `opinion` panel: the open 舆情 items with their clocks, to the people `舆情` shows them
 * to — leaders and the duty office every item, anyone else their own unit's. The count is the open items.
 */
import type { DeskPanel } from "../../../bot/core/desk.ts";
import { seesEverything } from "../../office/oversight.ts";
import { shortLocalTime } from "../../office/time-format.ts";
import type { OpinionSetting } from "../opinion-parts.ts";
import { OpinionStore } from "../opinion-store.ts";
import { itemTable } from "./item-rows.ts";
import { opinionDeskMessages as M } from "./messages.ts";

export const OPINION_PANEL = "opinion";

export function opinionPanel({ rules, office }: OpinionSetting): DeskPanel {
  return {
    id: OPINION_PANEL,
    order: 40,
    async load({ services, viewer, now }) {
      const all = seesEverything(viewer);
      const items = await new OpinionStore(services.database).open(all ? undefined : viewer.unit);
      const view = {
        now,
        unitName: (id: string) => services.directory.unitName(id),
        time: (at: Date) => shortLocalTime(at, now, office.timezone),
      };
      return {
        id: OPINION_PANEL,
        title: M.panelTitle,
        count: items.length,
        blocks: [itemTable(items, rules, view, all ? M.noneOpen : M.noneOpenOfUnit)],
      };
    },
  };
}
