/** Where a scheduled digest or notice goes: group ids, names and purposes of the sample org file. */
import { describe, expect, it } from "vitest";
import { Directory } from "../../../../src/bot/core/directory.ts";
import { targetChats } from "../../../../src/handlers/office/target-chats.ts";
import { sampleConfig } from "../../../support/app.ts";

const directory = new Directory((await sampleConfig()).org);

describe("targetChats", () => {
  it("defaults to the duty and leaders' groups", () => {
    expect(targetChats(directory, undefined)).toEqual({ chatIds: ["leaders", "duty"], unknown: [] });
    expect(targetChats(directory, []).chatIds).toEqual(["leaders", "duty"]);
  });

  it("takes group ids and names, once each, in the order given", () => {
    expect(targetChats(directory, ["duty", "县领导群", "总值班室"])).toEqual({
      chatIds: ["duty", "leaders"],
      unknown: [],
    });
  });

  it("takes a purpose for every group that has it", () => {
    expect(targetChats(directory, ["unit"]).chatIds).toEqual([
      "emergency-work",
      "health-work",
      "qingshan-work",
      "baishui-work",
      "liulin-work",
    ]);
  });

  it("reports names that match nothing and sends to the rest", () => {
    expect(targetChats(directory, ["领导群", "leaders"])).toEqual({
      chatIds: ["leaders"],
      unknown: ["领导群"],
    });
  });
});
