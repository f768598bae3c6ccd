/**
 * The duty desk's own part of the board: today's duty people (roster) with tap-to-call links. The
 * other panels, charts, pages and documents are each capability's (`desk` in capability.ts); the
 * web desk itself is served by the app (src/app/desk/).
 */
import type { Capability } from "../../bot/core/capability.ts";
import type { Office } from "../office/office.ts";
import { rosterPanel } from "./roster-panel.ts";

export function deskCapability(office: Office): Capability {
  return { name: "desk", desk: { panels: [rosterPanel(office)] } };
}
