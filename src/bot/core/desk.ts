/**
 * The duty desk (值班台) on the web, as capabilities contribute to it: each one brings its own
 * board panels, charts, item pages and documents, built from its own tables and worded in its own
 * messages.ts. What they return is a neutral view (tables, tiles, facts, timelines, charts) that
 * the desk page draws the same way on the desktop, the wall screen and the phone; the page knows
 * no capability. Everything here is also the JSON the desk's API answers with.
 */
import type { Person } from "../../config/org.ts";
import type { Chart } from "./message.ts";
import type { BotServices } from "./services.ts";

/** Who is looking, and when: every contribution decides what this person may see and do. */
export interface DeskContext {
  services: BotServices;
  /** The signed-in person (in the loopback demo: the person picked). */
  viewer: Person;
  now: Date;
}

/** A colour with a meaning, the same on every layout (grade, light, state). */
export type DeskTone = "red" | "orange" | "yellow" | "blue" | "green" | "grey";

/** A link to an item's page on the desk: `/desk/items/<kind>/<id>`. */
export interface DeskItemRef {
  /** The contributing page's kind, e.g. `incident`, `task`, `opinion`. */
  kind: string;
  id: string;
}

/** One value shown in a table, a tile or a fact. */
export interface DeskCell {
  text: string;
  tone?: DeskTone;
  /** A deadline (ISO time): the page counts down to it, live, and marks it once passed. */
  countdownTo?: string;
  /** A start (ISO time): the page counts the time since it, live (time since the event). */
  since?: string;
  /** Opens an item's page. */
  item?: DeskItemRef;
  /** A phone number: a tap-to-call `tel:` link. */
  tel?: string;
}

export interface DeskRow {
  cells: DeskCell[];
  /** The whole row opens this item. */
  item?: DeskItemRef;
  /** A stripe at the row's start (grade colour, light). */
  tone?: DeskTone;
}

/** Rows under named columns; `empty` is said when there are none (e.g. 无在办事件). */
export interface DeskTable {
  kind: "table";
  columns: string[];
  rows: DeskRow[];
  empty: string;
}

/** A grid of small coloured squares (units × state for today's 零报告), with what each colour means. */
export interface DeskTiles {
  kind: "tiles";
  tiles: { label: string; text: string; tone: DeskTone; item?: DeskItemRef }[];
  legend: { text: string; tone: DeskTone; count: number }[];
}

/** Labelled values (an item's head: 编号, 单位, 级别, 时限…). */
export interface DeskFacts {
  kind: "facts";
  facts: { label: string; value: DeskCell }[];
}

/** What happened, in order (ISO times; shown in the office's zone by the page). */
export interface DeskTimeline {
  kind: "timeline";
  entries: { at: string; who?: string; text: string; tone?: DeskTone }[];
}

/** A paragraph or several (a report's text, an instruction). */
export interface DeskText {
  kind: "text";
  title?: string;
  text: string;
}

/**
 * Photos and files of an item (现场图片). Served by the desk only to someone whose item page lists
 * them, by `fileKey`.
 */
export interface DeskFiles {
  kind: "files";
  files: { fileKey: string; name: string; kind: "image" | "video" | "file" }[];
}

/** A chart (the neutral model the chats use too), drawn with ECharts by the page. */
export interface DeskChartBlock {
  kind: "chart";
  chart: Chart;
}

export type DeskBlock =
  | DeskTable
  | DeskTiles
  | DeskFacts
  | DeskTimeline
  | DeskText
  | DeskFiles
  | DeskChartBlock;

/** A panel of the board, as one viewer sees it now. */
export interface DeskPanelView {
  id: string;
  title: string;
  /** A number beside the title (open items), when it says something. */
  count?: number;
  blocks: DeskBlock[];
}

/** A panel a capability puts on the board. */
export interface DeskPanel {
  /** Stable id, e.g. `incidents`, `zero-report`, `tasks`, `opinion`, `roster`. */
  id: string;
  /** Where on the board: smaller first. */
  order: number;
  /** The panel for this viewer, or null when it is not theirs to see. */
  load(ctx: DeskContext): Promise<DeskPanelView | null>;
}

/** A chart a capability puts under the board. */
export interface DeskChart {
  id: string;
  order: number;
  load(ctx: DeskContext): Promise<Chart | null>;
}

/**
 * What a person may do on an item's page, done as they would do it in chat: the same event (a
 * pressed button's value, or a typed command) goes into `chatId` as that person, through the same
 * pipeline and handlers, so the chat sees the bot's answer as if it had been pressed there.
 */
export interface DeskAction {
  /** Stable within the page, e.g. `ack`, `instruct`. */
  id: string;
  /** The button's label, e.g. 已阅, 批示, 要求续报, 转督办. */
  label: string;
  /** The chat it is done in (one the viewer may speak in). */
  chatId: string;
  /** A button's value (`inc:ack:<id>`), as if pressed on the card in `chatId`. */
  press?: string;
  /** A command as typed (`批示 2026-0042 {text}`); `{text}` is what the viewer typed into `ask`. */
  say?: string;
  /** The desk asks for words first (批示内容). */
  ask?: { label: string; placeholder?: string };
}

/** A document offered on a page: its id and what it is asked with. */
export interface DeskDocumentLink {
  documentId: string;
  label: string;
  params: Record<string, string>;
}

/** An item's page, as one viewer sees it. */
export interface DeskItemView {
  kind: string;
  id: string;
  /** E.g. `2026-0042 青山镇山体滑坡`. */
  title: string;
  tone?: DeskTone;
  sections: { title: string; blocks: DeskBlock[] }[];
  actions: DeskAction[];
  documents: DeskDocumentLink[];
}

/** A kind of item page a capability serves. */
export interface DeskItemPage {
  kind: string;
  /** The page for this viewer, or null when there is no such item or it is not theirs to see. */
  load(ctx: DeskContext, id: string): Promise<DeskItemView | null>;
}

/** A file made from the data (.docx, .xlsx). */
export interface DocumentFile {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

/** A document a capability files (信息专报, 台账, 统计表, 月度通报). */
export interface DeskDocument {
  /** Stable id, e.g. `incident-report`, `zero-report-ledger`. */
  id: string;
  /** For the desk's document list, e.g. 零报告台账. */
  title: string;
  /** What it is asked with, beside the id: `incident` (an id), `month` (2026-12), `period` words… */
  params: { name: string; label: string; example: string }[];
  /**
   * The file for this viewer, or null when they may not have it or the params name nothing (the
   * route answers 404 then); throws {@link DocumentParamError} for a param that cannot be read.
   */
  produce(ctx: DeskContext, params: Record<string, string>): Promise<DocumentFile | null>;
}

/** A document's param could not be read; `message` is Chinese, for the person. */
export class DocumentParamError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = "DocumentParamError";
  }
}

/** What one capability (or one of its sub-folders) brings to the desk. */
export interface DeskParts {
  panels?: DeskPanel[];
  charts?: DeskChart[];
  itemPages?: DeskItemPage[];
  documents?: DeskDocument[];
}

/** Several contributions as one. */
export function joinDeskParts(parts: readonly (DeskParts | undefined)[]): DeskParts {
  return {
    panels: parts.flatMap((p) => p?.panels ?? []),
    charts: parts.flatMap((p) => p?.charts ?? []),
    itemPages: parts.flatMap((p) => p?.itemPages ?? []),
    documents: parts.flatMap((p) => p?.documents ?? []),
  };
}

/** Mime types of the documents. */
export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
