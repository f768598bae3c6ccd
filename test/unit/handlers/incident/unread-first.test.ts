import { describe, expect, it } from "vitest";
import { unreadFirst } from "../../../../src/handlers/incident/unread-first.ts";

describe("unreadFirst", () => {
  it("puts the people who have not read first and sends the urgent to them only", () => {
    expect(unreadFirst(["li", "wang", "zhao"], new Set(["li", "wu"]))).toEqual({
      mentions: ["wang", "zhao", "li"],
      urgentTo: ["wang", "zhao"],
    });
  });

  it("without read information keeps everyone urgent, in the same order", () => {
    expect(unreadFirst(["li", "wang"], new Set())).toEqual({
      mentions: ["li", "wang"],
      urgentTo: ["li", "wang"],
    });
  });
});
