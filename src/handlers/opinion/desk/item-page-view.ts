/**
 * A 舆情 item's page on the desk: its facts (number, level in its colour, source, link, content,
 * unit, found time, reach, step), each step with its deadline and who did it when (签收, 核实, 口径,
 * 同意发布, 回应, 办结), what the unit verified and the approved 口径 and answer, and the timeline
 * worded as 查询 words it. Pure: the item, its timeline rows, the actions and the view are inputs.
 */
import type {
  DeskAction,
  DeskBlock,
  DeskCell,
  DeskDocumentLink,
  DeskItemView,
  DeskRow,
  DeskTimeline,
} from "../../../bot/core/desk.ts";
import type { OpinionPolicy } from "../../../config/opinion-policy.ts";
import { shorten } from "../../office/list-text.ts";
import { opinionMessages as O } from "../messages.ts";
import type { OpinionItem } from "../opinion-types.ts";
import { reachText } from "../queries/item-card.ts";
import { describeItemStep, type ItemTimelineRow, type ItemTimelineView } from "../queries/item-timeline.ts";
import { opinionQueryMessages as Q } from "../queries/messages.ts";
import { itemStep, overdueStages } from "../rules/item-state.ts";
import { levelOf } from "../rules/opinion-level.ts";
import { type ItemRowView, OPINION_ITEM_KIND, stageCell } from "./item-rows.ts";
import { levelTone } from "./level-tone.ts";
import { opinionDeskMessages as M } from "./messages.ts";

export interface ItemPageView extends ItemTimelineView, ItemRowView {
  /** A time in full (`2026-12-07 18:00`). */
  fullTime(at: Date): string;
}

/** How much of the content the title quotes. */
const MAX_TITLE = 30;

function stepRows(item: OpinionItem, view: ItemPageView): DeskRow[] {
  const done = (by: string | null, at: Date | null): DeskCell =>
    at
      ? { text: M.doneBy(by ? view.personName(by) : "", view.time(at)), tone: "green" }
      : { text: M.notDone };
  const S = M.steps;
  return [
    { cells: [{ text: S.sign }, { text: M.noDue }, done(item.signedBy, item.signedAt)] },
    { cells: [{ text: S.verify }, stageCell(item, "verify", view), done(item.verifiedBy, item.verifiedAt)] },
    { cells: [{ text: S.draft }, { text: M.noDue }, done(item.draftBy, item.draftAt)] },
    { cells: [{ text: S.approve }, { text: M.noDue }, done(item.approvedBy, item.approvedAt)] },
    {
      cells: [
        { text: S.respond },
        stageCell(item, "respond", view),
        done(item.respondedBy, item.respondedAt),
      ],
    },
    { cells: [{ text: S.close }, { text: M.noDue }, done(item.closedBy, item.closedAt)] },
  ];
}

function timeline(rows: readonly ItemTimelineRow[], view: ItemPageView): DeskTimeline {
  return {
    kind: "timeline",
    entries: rows.map((row) => {
      const unit = row.actorId ? view.unitOf(row.actorId) : undefined;
      const who = [...(unit ? [unit] : []), ...(row.actorId ? [view.personName(row.actorId)] : [])].join(" ");
      const entry = { at: row.at.toISOString(), text: describeItemStep(row, view) };
      const tone = row.kind === "escalated" ? { tone: "red" as const } : {};
      return who ? { ...entry, who, ...tone } : { ...entry, ...tone };
    }),
  };
}

export function itemPage(
  item: OpinionItem,
  rows: readonly ItemTimelineRow[],
  rules: OpinionPolicy,
  view: ItemPageView,
  actions: DeskAction[],
  documents: DeskDocumentLink[],
): DeskItemView {
  const L = Q.labels;
  const tone = levelTone(rules, item.levelId);
  const optional = (label: string, value: string | null | undefined) =>
    value ? [{ label, value: { text: value } }] : [];
  const step = itemStep(item);
  const overdue = overdueStages(item, view.now);
  const facts = [
    { label: L.level, value: { text: levelOf(rules, item.levelId).name, tone } },
    { label: L.source, value: { text: item.source } },
    ...optional(L.link, item.link),
    { label: L.content, value: { text: item.content } },
    { label: L.unit, value: { text: view.unitName(item.unitId) } },
    { label: L.foundAt, value: { text: view.fullTime(item.foundAt) } },
    ...optional(L.reach, reachText(item)),
    {
      label: L.step,
      value: overdue.length > 0 ? { text: O.step[step], tone: "red" as const } : { text: O.step[step] },
    },
  ];
  const texts: DeskBlock[] = [
    [L.verification, item.verification] as const,
    [L.approved, item.approvedText] as const,
    [L.response, item.responseNote] as const,
  ].flatMap(([title, text]) => (text ? [{ kind: "text" as const, title, text }] : []));
  const C = M.stepColumns;
  return {
    kind: OPINION_ITEM_KIND,
    id: String(item.id),
    title: M.pageTitle(item.number, shorten(item.content, MAX_TITLE)),
    tone: step === "closed" ? "grey" : tone,
    sections: [
      { title: M.sections.facts, blocks: [{ kind: "facts", facts }] },
      {
        title: M.sections.steps,
        blocks: [
          { kind: "table", columns: [C.step, C.due, C.done], rows: stepRows(item, view), empty: M.noDue },
        ],
      },
      ...(texts.length > 0 ? [{ title: M.sections.texts, blocks: texts }] : []),
      { title: M.sections.timeline, blocks: [timeline(rows, view)] },
    ],
    actions,
    documents,
  };
}
