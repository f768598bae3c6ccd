/**
 * The desk's `opinion` page (`/desk/items/opinion/<item id>`): for whoever may 查询 the item
 * (leaders and the duty office, who registered it, the responsible unit); null for anyone else or
 * no such item. The 舆情台账 is offered to leaders, the duty office and admins.
 */
import type { DeskDocumentLink, DeskItemPage } from "../../../bot/core/desk.ts";
import { deskActionChat, mayHaveOfficeDocuments } from "../../office/desk-viewer.ts";
import { formatLocalTime, shortLocalTime } from "../../office/time-format.ts";
import { canViewItem } from "../item-access.ts";
import type { OpinionSetting } from "../opinion-parts.ts";
import { OpinionStore } from "../opinion-store.ts";
import { itemActions } from "./item-page-actions.ts";
import { itemPage } from "./item-page-view.ts";
import { OPINION_ITEM_KIND } from "./item-rows.ts";
import { opinionDeskMessages as M } from "./messages.ts";

/** The 舆情台账's document id (opinion/sheets). */
export const OPINION_LEDGER_DOCUMENT = "opinion-ledger";

export function opinionItemPage({ rules, office }: OpinionSetting): DeskItemPage {
  return {
    kind: OPINION_ITEM_KIND,
    async load({ services, viewer, now }, id) {
      if (!/^\d{1,9}$/.test(id)) return null;
      const { database, directory } = services;
      const store = new OpinionStore(database);
      const item = await store.byId(Number(id));
      if (!item || !canViewItem(viewer, item)) return null;
      const rows = await store.timeline(item.id);
      const readBy = rows.filter((r) => r.kind === "read" && r.actorId).map((r) => r.actorId as string);
      const unitName = (unitId: string) => directory.unitName(unitId);
      const documents: DeskDocumentLink[] = mayHaveOfficeDocuments(viewer)
        ? [{ documentId: OPINION_LEDGER_DOCUMENT, label: M.ledgerDocument, params: {} }]
        : [];
      const chatId = deskActionChat(directory, viewer.id);
      return itemPage(
        item,
        rows,
        rules,
        {
          now,
          unitName,
          personName: (personId) => directory.personName(personId),
          // The responsible unit's people are named with their unit (as 查询 names them).
          unitOf: (personId) =>
            directory.person(personId)?.unit === item.unitId ? unitName(item.unitId) : undefined,
          levelName: (levelId) => rules.levels.find((l) => l.id === levelId)?.name,
          fullTime: (at) => formatLocalTime(at, office.timezone),
          time: (at) => shortLocalTime(at, now, office.timezone),
        },
        itemActions(item, readBy, viewer, rules, chatId),
        documents,
      );
    },
  };
}
