/**
 * A neutral {@link CardForm} as a Card JSON 2.0 `form` container (it must sit at the card's root):
 * each field's label in bold, then an `input` (one line or several) or a `select_static`, and the
 * submit button, whose press sends every field back in `action.form_value` keyed by name.
 */
import type { CardForm, FormField } from "../../../core/message.ts";
import type { ButtonValue } from "../action-signature.ts";
import type { FeishuElement } from "./feishu-card.ts";
import { escapeMarkdown } from "./feishu-markdown.ts";

/** After a required field's label (Feishu also refuses to submit the form while it is empty). */
const REQUIRED_MARK = "（必填）";

/** Lines a multi-line box shows before it scrolls. */
const MULTILINE_ROWS = 3;

export function renderForm(form: CardForm, sign: (action: string) => ButtonValue): FeishuElement {
  const elements: FeishuElement[] = [];
  for (const field of form.fields) {
    const label = `**${escapeMarkdown(field.label)}**${field.required ? REQUIRED_MARK : ""}`;
    elements.push({ tag: "markdown", content: label });
    elements.push(field.kind === "select" ? select(field) : input(field));
  }
  elements.push({
    tag: "button",
    name: "submit",
    text: plain(form.submit.label),
    type: "primary",
    width: "fill",
    form_action_type: "submit",
    behaviors: [{ type: "callback", value: sign(form.submit.action) }],
  });
  return { tag: "form", name: "form", elements };
}

/** What every form field has: its name, whether it is required, full width, its placeholder. */
function fieldBasics(field: FormField & { placeholder?: string; required?: boolean }) {
  return {
    name: field.name,
    required: field.required ?? false,
    width: "fill",
    ...(field.placeholder ? { placeholder: plain(field.placeholder) } : {}),
  };
}

function input(field: Extract<FormField, { kind: "text" }>): FeishuElement {
  return {
    tag: "input",
    ...fieldBasics(field),
    ...(field.initial ? { default_value: field.initial } : {}),
    ...(field.multiline
      ? { input_type: "multiline_text", rows: MULTILINE_ROWS, auto_resize: true }
      : { input_type: "text" }),
  };
}

function select(field: Extract<FormField, { kind: "select" }>): FeishuElement {
  return {
    tag: "select_static",
    ...fieldBasics(field),
    options: field.options.map((o) => ({ text: plain(o.label), value: o.value })),
    ...(field.initial ? { initial_option: field.initial } : {}),
  };
}

function plain(content: string) {
  return { tag: "plain_text", content };
}
