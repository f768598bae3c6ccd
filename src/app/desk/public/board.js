// The board: panels in order, then charts, then the documents one may download.

import { fill, h } from "./api.js";
import { chartBlock, drawBlock } from "./blocks.js";
import { disposeCharts } from "./charts.js";
import { clockTime, refreshTimes } from "./clock.js";
import { texts as T } from "./texts.js";
import { startWallScroll } from "./wall.js";

export function drawBoard(main, board, options) {
  disposeCharts();
  const context = { wall: options.wall };
  const panels = board.panels.map((panel) =>
    h(
      "section",
      {
        class: `panel panel-${panel.id}`,
        id: `panel-${panel.id}`,
        "aria-labelledby": `panel-title-${panel.id}`,
      },
      h(
        "header",
        { class: "panel-head" },
        h("h2", { id: `panel-title-${panel.id}` }, panel.title),
        panel.count === undefined ? null : h("span", { class: "count" }, String(panel.count)),
      ),
      h(
        "div",
        { class: "panel-body" },
        panel.blocks.map((b) => drawBlock(b, context)),
      ),
    ),
  );
  const charts = board.charts.length
    ? h(
        "section",
        { class: "charts", "aria-label": T.charts },
        board.charts.map((c) =>
          h("div", { class: "chart-card", id: `chart-${c.id}` }, chartBlock(c.chart, context)),
        ),
      )
    : null;
  const documents = options.wall || board.documents.length === 0 ? null : drawDocuments(board.documents);
  main.replaceChildren(
    h("div", { class: "board" }, panels.length ? panels : h("p", { class: "empty" }, T.noPanels)),
    charts ?? "",
    documents ?? "",
    h("p", { class: "updated" }, fill(T.updatedAt, clockTime())),
  );
  refreshTimes(main);
  if (options.wall) startWallScroll(main);
}

function drawDocuments(documents) {
  return h(
    "section",
    { class: "documents", "aria-labelledby": "documents-title" },
    h("h2", { id: "documents-title" }, T.documents),
    h("ul", {}, documents.map(documentRow)),
  );
}

function documentRow(doc) {
  const link = h(
    "a",
    {
      class: "button download",
      href: `/desk/api/documents/${encodeURIComponent(doc.id)}`,
      download: "",
      dataset: { document: doc.id },
    },
    T.download,
  );
  const inputs = doc.params.map((p) =>
    h("input", {
      name: p.name,
      dataset: { keep: `document-${doc.id}-${p.name}` },
      "aria-label": p.label,
      placeholder: fill(T.paramPlaceholder, p.example),
      oninput: () => update(),
    }),
  );
  const update = () => {
    const query = new URLSearchParams();
    for (const input of inputs) if (input.value.trim()) query.set(input.name, input.value.trim());
    const q = query.toString();
    link.href = `/desk/api/documents/${encodeURIComponent(doc.id)}${q ? `?${q}` : ""}`;
  };
  return h(
    "li",
    { class: "document", id: `document-${doc.id}` },
    h("span", { class: "doc-title" }, doc.title),
    inputs,
    link,
  );
}
