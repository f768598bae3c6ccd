/**
 * What the desk shows, joined from every capability's `desk` parts: the board (panels in order,
 * charts, the documents one may ask for), an item's page and a document — each loaded for one
 * viewer. The web knows no capability: it only orders, filters and passes on the neutral views.
 */
import type { Capability } from "../../bot/core/capability.ts";
import {
  type DeskContext,
  type DeskDocument,
  type DeskItemView,
  type DeskPanelView,
  type DeskParts,
  joinDeskParts,
} from "../../bot/core/desk.ts";
import type { Chart } from "../../bot/core/message.ts";
import type { BotServices } from "../../bot/core/services.ts";
import type { Person, Role } from "../../config/org.ts";
import { mayHaveOfficeDocuments } from "../../handlers/office/desk-viewer.ts";

export interface DeskMe {
  id: string;
  name: string;
  unitName: string;
  roles: Role[];
  admin: boolean;
}

export interface DeskBoard {
  me: DeskMe;
  panels: DeskPanelView[];
  charts: { id: string; chart: Chart }[];
  documents: { id: string; title: string; params: DeskDocument["params"] }[];
}

export class DeskContent {
  private readonly parts: Required<DeskParts>;

  constructor(
    capabilities: readonly Capability[],
    private readonly services: BotServices,
  ) {
    const joined = joinDeskParts(capabilities.map((c) => c.desk));
    this.parts = {
      panels: [...(joined.panels ?? [])].sort((a, b) => a.order - b.order),
      charts: [...(joined.charts ?? [])].sort((a, b) => a.order - b.order),
      itemPages: joined.itemPages ?? [],
      documents: joined.documents ?? [],
    };
  }

  context(viewer: Person): DeskContext {
    return { services: this.services, viewer, now: this.services.clock.now() };
  }

  me(viewer: Person): DeskMe {
    return {
      id: viewer.id,
      name: viewer.name,
      unitName: this.services.directory.unitName(viewer.unit),
      roles: viewer.roles,
      admin: viewer.roles.includes("admin"),
    };
  }

  /** The board as `viewer` sees it; a panel or chart that fails is left out (and logged). */
  async board(viewer: Person): Promise<DeskBoard> {
    const ctx = this.context(viewer);
    const [panels, charts] = await Promise.all([
      Promise.all(this.parts.panels.map((p) => this.guard(`panel ${p.id}`, () => p.load(ctx)))),
      Promise.all(
        this.parts.charts.map(async (c) => {
          const chart = await this.guard(`chart ${c.id}`, () => c.load(ctx));
          return chart ? { id: c.id, chart } : null;
        }),
      ),
    ]);
    // The board lists the office's documents to whom may have them all; others get theirs on item pages.
    const documents = mayHaveOfficeDocuments(viewer)
      ? this.parts.documents.map((d) => ({ id: d.id, title: d.title, params: d.params }))
      : [];
    return {
      me: this.me(viewer),
      panels: panels.filter((p): p is DeskPanelView => p !== null),
      charts: charts.filter((c): c is { id: string; chart: Chart } => c !== null),
      documents,
    };
  }

  /** An item's page for `viewer`, or null when there is no such kind or item, or not for them. */
  async item(viewer: Person, kind: string, id: string): Promise<DeskItemView | null> {
    const page = this.parts.itemPages.find((p) => p.kind === kind);
    return page ? page.load(this.context(viewer), id) : null;
  }

  document(id: string): DeskDocument | undefined {
    return this.parts.documents.find((d) => d.id === id);
  }

  private async guard<T>(what: string, load: () => Promise<T | null>): Promise<T | null> {
    try {
      return await load();
    } catch (error) {
      this.services.log.error({ err: error, what }, "desk part failed to load");
      return null;
    }
  }
}
