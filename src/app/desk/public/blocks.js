// The neutral blocks of the desk (desk.ts) as DOM: table, tiles, facts, timeline, text, files, chart.
import { h, itemHref } from "./api.js";
import { drawChart } from "./charts.js";
import { localTime } from "./clock.js";

/** `context`: { item?: "kind:id" (for files), wall?: boolean }. */
export function drawBlock(block, context = {}) {
  switch (block.kind) {
    case "table":
      return table(block, context);
    case "tiles":
      return tiles(block);
    case "facts":
      return facts(block);
    case "timeline":
      return timeline(block);
    case "text":
      return text(block);
    case "files":
      return files(block, context);
    case "chart":
      return chartBlock(block.chart, context);
    default:
      return h("div");
  }
}

function tone(t) {
  return t ? `tone-${t}` : "";
}

/**
 * One value: text, with its live time, phone link or item link. A time since an event counts live
 * beside the text; in a table cell (`compact`) it stands in for the text, which stays as its title.
 */
export function cell(value, compact = false) {
  const parts = [];
  const since = value.since
    ? h(
        "span",
        {
          class: "since",
          dataset: { since: value.since },
          title: `${value.text} · ${localTime(value.since)}`,
        },
        value.text,
      )
    : null;
  if (value.tel) parts.push(h("a", { class: "tel", href: `tel:${value.tel}` }, value.text || value.tel));
  else if (value.item) parts.push(h("a", { class: "item-link", href: itemHref(value.item) }, value.text));
  else if (since && compact) parts.push(since);
  else if (value.text) parts.push(h("span", {}, value.text));
  if (since && !compact) parts.push(since);
  if (value.countdownTo)
    parts.push(
      h("span", {
        class: "countdown",
        dataset: { countdown: value.countdownTo },
        title: localTime(value.countdownTo),
      }),
    );
  return h("span", { class: `cell ${tone(value.tone)}` }, parts);
}

function table(block, context) {
  if (block.rows.length === 0) return h("p", { class: "empty" }, block.empty);
  const head = h(
    "thead",
    {},
    h(
      "tr",
      {},
      block.columns.map((c) => h("th", { scope: "col" }, c)),
    ),
  );
  const body = h(
    "tbody",
    {},
    block.rows.map((row) => {
      const tr = h(
        "tr",
        {
          class: `${tone(row.tone)} ${row.item ? "has-item" : ""}`,
          dataset: row.item ? { href: itemHref(row.item) } : {},
        },
        row.cells.map((c, i) => h("td", { "data-label": block.columns[i] ?? "" }, cell(c, true))),
      );
      if (row.item && !context.wall) {
        tr.addEventListener("click", (event) => {
          if (event.target.closest("a")) return;
          location.href = tr.dataset.href;
        });
      }
      return tr;
    }),
  );
  return h("div", { class: "table-wrap" }, h("table", { class: "desk-table" }, head, body));
}

function tiles(block) {
  const grid = h(
    "div",
    { class: "tiles" },
    block.tiles.map((t) => {
      const inner = [h("span", { class: "tile-label" }, t.label), h("span", { class: "tile-text" }, t.text)];
      return t.item
        ? h(
            "a",
            { class: `tile ${tone(t.tone)}`, href: itemHref(t.item), title: `${t.label} ${t.text}` },
            inner,
          )
        : h("span", { class: `tile ${tone(t.tone)}`, title: `${t.label} ${t.text}` }, inner);
    }),
  );
  const legend = h(
    "ul",
    { class: "legend" },
    block.legend.map((l) =>
      h(
        "li",
        {},
        h("span", { class: `swatch ${tone(l.tone)}` }),
        `${l.text} `,
        h("strong", {}, String(l.count)),
      ),
    ),
  );
  return h("div", { class: "tiles-block" }, legend, grid);
}

function facts(block) {
  return h(
    "dl",
    { class: "facts" },
    block.facts.map((f) => h("div", { class: "fact" }, h("dt", {}, f.label), h("dd", {}, cell(f.value)))),
  );
}

function timeline(block) {
  return h(
    "ol",
    { class: "timeline" },
    block.entries.map((e) =>
      h(
        "li",
        { class: tone(e.tone) },
        h("time", { datetime: e.at }, localTime(e.at)),
        e.who ? h("span", { class: "who" }, e.who) : null,
        h("span", { class: "what" }, e.text),
      ),
    ),
  );
}

function text(block) {
  return h(
    "section",
    { class: "text-block" },
    block.title ? h("h4", {}, block.title) : null,
    h("p", {}, block.text),
  );
}

function fileUrl(file, context) {
  return `/desk/api/files/${encodeURIComponent(file.fileKey)}?item=${encodeURIComponent(context.item)}`;
}

function files(block, context) {
  return h(
    "ul",
    { class: "files" },
    block.files.map((f) => {
      if (!context.item) return h("li", {}, f.name);
      if (f.kind === "image")
        return h(
          "li",
          { class: "photo" },
          h(
            "a",
            { href: fileUrl(f, context), target: "_blank", rel: "noopener" },
            h("img", { src: fileUrl(f, context), alt: f.name, loading: "lazy" }),
          ),
        );
      return h("li", {}, h("a", { href: fileUrl(f, context), download: f.name }, f.name));
    }),
  );
}

export function chartBlock(chart, context) {
  const box = h("div", { class: "chart", role: "img", "aria-label": chart.title });
  // Drawn once the box is in the page and has a size.
  requestAnimationFrame(() => drawChart(box, chart, { dark: context.wall, large: context.wall }));
  return box;
}
