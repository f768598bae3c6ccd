/** A neutral form card as a Card JSON 2.0 `form` container, checked element by element. */
import { describe, expect, it } from "vitest";
import { verifyAction } from "../../../../../../src/bot/adapters/feishu/action-signature.ts";
import { renderCard } from "../../../../../../src/bot/adapters/feishu/outbound/feishu-card.ts";
import type { Card } from "../../../../../../src/bot/core/message.ts";

const SECRET = "app-secret";

const card: Card = {
  title: "快速上报（一页填完）",
  fields: [],
  buttons: [],
  note: "一次填完点提交",
  form: {
    fields: [
      {
        kind: "select",
        name: "type",
        label: "事件类型",
        options: [
          { value: "1", label: "自然灾害" },
          { value: "2", label: "事故灾难" },
        ],
        required: true,
        initial: "2",
      },
      { kind: "text", name: "location", label: "地点", placeholder: "例如 青山镇李家村村道", required: true },
      {
        kind: "text",
        name: "summary",
        label: "基本情况",
        multiline: true,
        required: true,
        initial: "两车相撞",
      },
      { kind: "text", name: "contact_phone", label: "联系电话*_", required: false },
    ],
    submit: { label: "提交", action: "dlg:abc:@form:submit" },
  },
};

describe("renderCard with a form", () => {
  const json = renderCard(card, { secret: SECRET, messageKey: "evt-1-2" });
  const [note, form, ...after] = json.body.elements;

  it("puts the form container at the card's root, after the note, with nothing after it", () => {
    expect(json.header.title.content).toBe("快速上报（一页填完）");
    expect(note).toMatchObject({ tag: "markdown", content: "一次填完点提交" });
    expect(form).toMatchObject({ tag: "form", name: "form" });
    expect(after).toEqual([]);
  });

  it("renders each field as a bold label and its box, in order", () => {
    const elements = (form as { elements: Record<string, unknown>[] }).elements;
    expect(elements.map((e) => e.tag)).toEqual([
      "markdown",
      "select_static",
      "markdown",
      "input",
      "markdown",
      "input",
      "markdown",
      "input",
      "button",
    ]);
    expect(elements[0]).toEqual({ tag: "markdown", content: "**事件类型**（必填）" });
    expect(elements[1]).toEqual({
      tag: "select_static",
      name: "type",
      required: true,
      width: "fill",
      options: [
        { text: { tag: "plain_text", content: "自然灾害" }, value: "1" },
        { text: { tag: "plain_text", content: "事故灾难" }, value: "2" },
      ],
      initial_option: "2",
    });
    expect(elements[3]).toEqual({
      tag: "input",
      name: "location",
      required: true,
      width: "fill",
      placeholder: { tag: "plain_text", content: "例如 青山镇李家村村道" },
      input_type: "text",
    });
    expect(elements[5]).toMatchObject({
      tag: "input",
      name: "summary",
      input_type: "multiline_text",
      default_value: "两车相撞",
      required: true,
    });
    expect(elements[5]?.rows).toBeGreaterThan(1);
    // An optional field: no mark, not required; its label escaped as markdown.
    expect(elements[6]).toEqual({ tag: "markdown", content: "**联系电话\\*\\_**" });
    expect(elements[7]).toMatchObject({ name: "contact_phone", required: false });
    expect(elements[7]).not.toHaveProperty("default_value");
  });

  it("ends with a submit button whose value is signed for this message", () => {
    const elements = (form as { elements: Record<string, unknown>[] }).elements;
    const submit = elements.at(-1) as {
      form_action_type: string;
      text: { content: string };
      behaviors: { type: string; value: unknown }[];
    };
    expect(submit.form_action_type).toBe("submit");
    expect(submit.text.content).toBe("提交");
    expect(submit.behaviors[0]?.type).toBe("callback");
    expect(verifyAction(SECRET, submit.behaviors[0]?.value)).toMatchObject({
      a: "dlg:abc:@form:submit",
      k: "evt-1-2",
    });
    expect(verifyAction("other-secret", submit.behaviors[0]?.value)).toBeUndefined();
  });

  it("renders no form container for a card without a form", () => {
    const plain = renderCard({ title: "通知", fields: [], buttons: [] }, { secret: SECRET, messageKey: "k" });
    expect(plain.body.elements.some((e) => e.tag === "form")).toBe(false);
  });
});
