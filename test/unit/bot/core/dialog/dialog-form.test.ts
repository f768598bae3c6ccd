/**
 * A dialog's one-page form: built from the steps (select for choices, boxes for the rest, parts as
 * several boxes) and read back through the steps' own parsers, validators and skip rules.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { ConversationContext } from "../../../../../src/bot/core/context.ts";
import { defineDialog } from "../../../../../src/bot/core/dialog/definition.ts";
import { dialogFormCard, readDialogForm } from "../../../../../src/bot/core/dialog/form.ts";

interface Data extends Record<string, unknown> {
  kind: string;
  count: number | null;
  place: string;
  phone: string | null;
  why?: string;
}

const dialog = defineDialog<Data>({
  id: "test.form",
  version: 1,
  title: "测试",
  form: { title: "一页填完", submitLabel: "提交", order: ["place", "kind"] },
  steps: [
    {
      id: "kind",
      field: "kind",
      label: "类型",
      prompt: "类型？",
      choices: [
        { value: "a", label: "甲" },
        { value: "b", label: "乙" },
      ],
    },
    {
      id: "count",
      field: "count",
      label: "人数",
      prompt: "人数？",
      optional: true,
      parse: (text) => {
        const n = Number(text);
        if (!Number.isInteger(n)) throw new Error("请写整数。");
        return n;
      },
      format: (value) => `${value} 人`,
    },
    {
      id: "place",
      field: "place",
      label: "地点",
      prompt: "地点？",
      schema: z.string().min(2, "地点太短。"),
      formInput: { placeholder: "写具体些", multiline: true },
    },
    {
      id: "phone",
      field: "phone",
      label: "联系人",
      prompt: "联系人？",
      optional: true,
      formInput: {
        parts: [
          { key: "name", label: "姓名" },
          { key: "number", label: "电话" },
        ],
      },
    },
    {
      id: "why",
      field: "why",
      label: "原因",
      prompt: "原因？",
      when: (data) => data.kind === "b",
    },
  ],
  complete: async () => {},
});

// The steps above read nothing from the conversation.
const ctx = {} as ConversationContext;
const form = dialog.form ?? { title: "", submitLabel: "" };

describe("dialogFormCard", () => {
  it("lays the steps out in the form's order, with what is known filled in", () => {
    const card = dialogFormCard(dialog, form, { kind: "b", count: 3 }, ctx, "dlg:s1:@form:submit");
    expect(card.title).toBe("一页填完");
    expect(card.form?.submit).toEqual({ label: "提交", action: "dlg:s1:@form:submit" });
    expect(card.form?.fields).toEqual([
      {
        kind: "text",
        name: "place",
        label: "地点",
        required: true,
        placeholder: "写具体些",
        multiline: true,
      },
      {
        kind: "select",
        name: "kind",
        label: "类型",
        options: [
          { value: "1", label: "甲" },
          { value: "2", label: "乙" },
        ],
        required: true,
        initial: "2",
      },
      { kind: "text", name: "count", label: "人数", required: false, initial: "3 人" },
      { kind: "text", name: "phone_name", label: "姓名", required: false },
      { kind: "text", name: "phone_number", label: "电话", required: false },
      // Asked only for 乙: checked when read, not forced on the phone.
      { kind: "text", name: "why", label: "原因", required: false },
    ]);
  });

  it("fills the boxes with what was typed when a submit comes back to be corrected", () => {
    const typed = { place: "x", kind: "1", count: "很多", phone_number: "138" };
    const fields = dialogFormCard(dialog, form, { count: 3 }, ctx, "a", typed).form?.fields ?? [];
    expect(Object.fromEntries(fields.map((f) => [f.name, f.initial]))).toEqual({
      place: "x",
      kind: "1",
      count: "很多",
      phone_name: undefined,
      phone_number: "138",
      why: undefined,
    });
  });
});

describe("readDialogForm", () => {
  it("reads every box by its step's rules; empty optional boxes and 不清楚 store null", () => {
    const reading = readDialogForm(
      dialog,
      { extra: "kept" },
      { kind: "1", count: "不清楚", place: "青山镇", phone_name: " 钱镇长 ", phone_number: "138" },
      ctx,
    );
    expect(reading).toEqual({
      ok: true,
      data: { extra: "kept", kind: "a", count: null, place: "青山镇", phone: "钱镇长 138" },
      answered: ["kind", "count", "place", "phone"],
    });
    const empty = readDialogForm(dialog, {}, { kind: "1", place: "青山镇" }, ctx);
    expect(empty.ok && empty.data).toMatchObject({ count: null, phone: null });
  });

  it("keeps what the dialog holds for a box left as the form showed it", () => {
    // `3 人` is how the form shows a stored 3; typed as a new answer it would not parse.
    const kept = readDialogForm(dialog, { count: 3 }, { kind: "1", count: "3 人", place: "青山镇" }, ctx);
    expect(kept.ok && kept.data.count).toBe(3);
    const changed = readDialogForm(dialog, { count: 3 }, { kind: "1", count: "4", place: "青山镇" }, ctx);
    expect(changed.ok && changed.data.count).toBe(4);
    const refused = readDialogForm(dialog, {}, { kind: "1", count: "3 人", place: "青山镇" }, ctx);
    expect(refused).toEqual({ ok: false, problems: ["「人数」：请写整数。"] });
  });

  it("asks a step only when it applies to the answers before it", () => {
    const reading = readDialogForm(dialog, {}, { kind: "2", place: "青山镇" }, ctx);
    expect(reading).toEqual({ ok: false, problems: ["「原因」必须填写。"] });
    const given = readDialogForm(dialog, {}, { kind: "2", place: "青山镇", why: "下雨" }, ctx);
    expect(given.ok && given.data.why).toBe("下雨");
  });

  it("names every field that is wrong, with its step's own reason", () => {
    const reading = readDialogForm(dialog, {}, { kind: "5", count: "很多", place: "镇" }, ctx);
    expect(reading).toEqual({
      ok: false,
      problems: ["「类型」：请回复 1 到 2 之间的序号。", "「人数」：请写整数。", "「地点」：地点太短。"],
    });
    const required = readDialogForm(dialog, {}, { kind: "跳过", place: "青山镇" }, ctx);
    expect(required).toEqual({ ok: false, problems: ["「类型」必须填写，不能跳过。"] });
  });
});
