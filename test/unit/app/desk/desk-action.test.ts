/** What a desk action does with the text typed: a press, or a command said (with an @ in a group). */
import { describe, expect, it } from "vitest";
import { deskActionInput } from "../../../../src/app/desk/desk-action.ts";
import { DeskRequestError } from "../../../../src/app/desk/desk-error.ts";
import type { DeskAction } from "../../../../src/bot/core/desk.ts";

const ack: DeskAction = { id: "ack", label: "已阅", chatId: "leaders", press: "inc:ack:7" };
const instruct: DeskAction = {
  id: "instruct",
  label: "批示",
  chatId: "leaders",
  say: "批示 2026-0042 {text}",
  ask: { label: "批示内容" },
};

describe("deskActionInput", () => {
  it("presses the button's value, whatever text came along", () => {
    expect(deskActionInput(ack, "ignored", "快报助手")).toEqual({ kind: "press", value: "inc:ack:7" });
    expect(deskActionInput(ack, undefined, "快报助手")).toEqual({ kind: "press", value: "inc:ack:7" });
  });

  it("says the command with the text put in, mentioning the bot in a group only", () => {
    expect(deskActionInput(instruct, "  请速核实  ", "快报助手")).toEqual({
      kind: "say",
      text: "@快报助手 批示 2026-0042 请速核实",
    });
    expect(deskActionInput({ ...instruct, chatId: "dm:li-shuji" }, "请速核实", "快报助手")).toEqual({
      kind: "say",
      text: "批示 2026-0042 请速核实",
    });
    expect(
      deskActionInput(
        { id: "f", label: "要求续报", chatId: "duty", say: "要求续报 2026-0042" },
        undefined,
        "快报助手",
      ),
    ).toEqual({ kind: "say", text: "@快报助手 要求续报 2026-0042" });
  });

  it("refuses a missing or blank text when the action asks for words, naming the field", () => {
    for (const typed of [undefined, "", "   "]) {
      const error = (() => {
        try {
          deskActionInput(instruct, typed, "快报助手");
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(DeskRequestError);
      expect(error).toMatchObject({ status: 400, field: "text", message: "请填写批示内容。" });
    }
  });

  it("refuses a text over 2000 characters", () => {
    expect(() => deskActionInput(instruct, "字".repeat(2001), "快报助手")).toThrow("2000");
  });
});
