/**
 * The desk's `roster` panel: today's 值班员 by the same rule as the morning reminder (office/on-duty.ts:
 * the roster's people for the day, else everyone with the duty role), and the 带班领导 when the roster
 * names one, each with unit, title and a tap-to-call phone. Everyone signed in sees it.
 */
import type { DeskContext, DeskPanel, DeskPanelView, DeskRow } from "../../bot/core/desk.ts";
import type { Directory } from "../../bot/core/directory.ts";
import type { Office } from "../office/office.ts";
import { onDutyAt } from "../office/on-duty.ts";
import { deskMessages as M } from "./messages.ts";

export const ROSTER_PANEL_ID = "roster";

function personRows(directory: Directory, ids: readonly string[], post: string): DeskRow[] {
  return ids.flatMap((id) => {
    const person = directory.person(id);
    if (!person) return [];
    return [
      {
        cells: [
          { text: post },
          { text: person.name },
          { text: directory.unitName(person.unit) },
          { text: person.title ?? M.none },
          person.phone ? { text: person.phone, tel: person.phone } : { text: M.none },
        ],
      },
    ];
  });
}

export function rosterView(ctx: DeskContext, office: Office): DeskPanelView {
  const { directory } = ctx.services;
  const today = onDutyAt(office, directory, ctx.now);
  const rows = [
    ...personRows(directory, today.duty.people, M.duty),
    ...(today.leaders.rostered ? personRows(directory, today.leaders.people, M.leader) : []),
  ];
  return {
    id: ROSTER_PANEL_ID,
    title: M.rosterTitle,
    blocks: [{ kind: "table", columns: [...M.rosterColumns], rows, empty: M.rosterEmpty }],
  };
}

export function rosterPanel(office: Office): DeskPanel {
  return { id: ROSTER_PANEL_ID, order: 50, load: async (ctx) => rosterView(ctx, office) };
}
