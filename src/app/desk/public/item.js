// An item's page: its head, sections of blocks, the actions the viewer may take (a text box when
// the action asks for words) and its documents.

import { h, postJson } from "./api.js";
import { drawBlock } from "./blocks.js";
import { disposeCharts } from "./charts.js";
import { refreshTimes } from "./clock.js";
import { texts as T } from "./texts.js";

export function drawItem(main, view, options) {
  disposeCharts();
  const context = { item: `${view.kind}:${view.id}`, wall: options.wall };
  const path = `/desk/api/items/${encodeURIComponent(view.kind)}/${encodeURIComponent(view.id)}`;
  main.replaceChildren(
    h(
      "article",
      { class: `item ${view.tone ? `tone-${view.tone}` : ""}` },
      h("a", { class: "back", href: "/desk" }, T.back),
      h("h1", { class: "item-title" }, view.title),
      view.actions.length && !options.wall ? drawActions(view.actions, path, options.reload) : null,
      view.sections.map((s) =>
        h(
          "section",
          { class: "item-section" },
          h("h2", {}, s.title),
          s.blocks.map((b) => drawBlock(b, context)),
        ),
      ),
      view.documents.length
        ? h(
            "section",
            { class: "item-section documents" },
            h("h2", {}, T.documents),
            h(
              "ul",
              {},
              view.documents.map((d) =>
                h(
                  "li",
                  {},
                  h(
                    "a",
                    {
                      class: "button download",
                      href: `/desk/api/documents/${encodeURIComponent(d.documentId)}?${new URLSearchParams(d.params)}`,
                      download: "",
                      dataset: { document: d.documentId },
                    },
                    d.label,
                  ),
                ),
              ),
            ),
          )
        : null,
    ),
  );
  refreshTimes(main);
}

/** What the last action answered: kept across the redraws that follow it. */
let lastNote = null;

function drawActions(actions, path, reload) {
  const note = h("p", { class: `action-note ${lastNote?.kind ?? ""}`, role: "status" }, lastNote?.text ?? "");
  const say = (kind, text) => {
    lastNote = { kind, text };
    note.className = `action-note ${kind}`;
    note.textContent = text;
  };
  const forms = actions.map((action) => {
    const box = action.ask
      ? h("textarea", {
          name: "text",
          dataset: { keep: `action-${action.id}` },
          rows: "3",
          "aria-label": action.ask.label,
          placeholder: action.ask.placeholder ?? action.ask.label,
        })
      : null;
    const button = h(
      "button",
      { type: "submit", class: "button action", dataset: { action: action.id } },
      action.label,
    );
    const form = h(
      "form",
      { class: `action-form ${box ? "asks" : ""}` },
      box ? h("label", { class: "ask" }, h("span", { class: "ask-label" }, action.ask.label), box) : null,
      button,
    );
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      button.disabled = true;
      try {
        const { status } = await postJson(
          `${path}/actions/${encodeURIComponent(action.id)}`,
          box ? { text: box.value } : {},
        );
        say("ok", status === 202 ? T.pending : T.done);
        if (box) box.value = "";
        await reload();
      } catch (error) {
        say("error", `${T.failed}${error.message}`);
        if (error.field === "text") box?.focus();
      } finally {
        button.disabled = false;
      }
    });
    return form;
  });
  return h("section", { class: "actions", "aria-label": T.actions }, forms, note);
}
