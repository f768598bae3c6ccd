import { describe, expect, it } from "vitest";
import {
  decideReceipt,
  type ReceiptView,
} from "../../../../../src/handlers/instruction/rules/receipt-decision.ts";

const at = new Date("2026-03-02T06:30:00Z");
const later = new Date("2026-03-02T06:45:00Z");
const pending = (instructionId: number, number: string): ReceiptView => ({
  instructionId,
  number,
  confirmedAt: null,
});
const done = (instructionId: number, number: string, when = at): ReceiptView => ({
  instructionId,
  number,
  confirmedAt: when,
});
const base = { number: null, addressed: false, awaitingHere: [] };

describe("decideReceipt: a bare 收到", () => {
  it("confirms the one pending instruction", () => {
    expect(decideReceipt({ ...base, mine: [pending(7, "2026-0042")] })).toEqual({
      kind: "confirm",
      instructionIds: [7],
      number: "2026-0042",
    });
  });

  it("confirms every pending instruction of the one incident", () => {
    expect(decideReceipt({ ...base, mine: [pending(7, "2026-0042"), pending(9, "2026-0042")] })).toEqual({
      kind: "confirm",
      instructionIds: [7, 9],
      number: "2026-0042",
    });
  });

  it("ignores what is already confirmed when choosing", () => {
    expect(decideReceipt({ ...base, mine: [done(3, "2026-0040"), pending(7, "2026-0042")] })).toEqual({
      kind: "confirm",
      instructionIds: [7],
      number: "2026-0042",
    });
  });

  it("asks for the number when two incidents wait", () => {
    expect(decideReceipt({ ...base, mine: [pending(7, "2026-0042"), pending(8, "2026-0043")] })).toEqual({
      kind: "choose",
      numbers: ["2026-0042", "2026-0043"],
    });
  });

  it("says nothing is pending when addressed", () => {
    expect(decideReceipt({ ...base, addressed: true, mine: [] })).toEqual({ kind: "nothing-pending" });
    expect(decideReceipt({ ...base, addressed: true, mine: [done(3, "2026-0040")] })).toEqual({
      kind: "nothing-pending",
    });
  });

  it("stays out of a group's everyday 收到", () => {
    expect(decideReceipt({ ...base, mine: [] })).toEqual({ kind: "ignore" });
    expect(decideReceipt({ ...base, mine: [done(3, "2026-0040")] })).toEqual({ kind: "ignore" });
  });

  it("tells someone not on the list, in a group where an instruction waits", () => {
    expect(
      decideReceipt({ ...base, mine: [], awaitingHere: [{ instructionId: 7, number: "2026-0042" }] }),
    ).toEqual({ kind: "not-listed", number: "2026-0042" });
  });

  it("tells someone who already confirmed the instruction waiting here", () => {
    expect(
      decideReceipt({
        ...base,
        mine: [done(7, "2026-0042"), done(8, "2026-0042", later), done(3, "2026-0040", later)],
        awaitingHere: [
          { instructionId: 7, number: "2026-0042" },
          { instructionId: 8, number: "2026-0042" },
        ],
      }),
    ).toEqual({ kind: "already", number: "2026-0042", at: later });
  });
});

describe("decideReceipt: 收到 with a number", () => {
  const addressed = { ...base, addressed: true };

  it("confirms that incident's pending instructions only", () => {
    expect(
      decideReceipt({
        ...addressed,
        number: "2026-0043",
        mine: [pending(7, "2026-0042"), pending(8, "2026-0043")],
      }),
    ).toEqual({ kind: "confirm", instructionIds: [8], number: "2026-0043" });
  });

  it("says when it was already confirmed", () => {
    expect(decideReceipt({ ...addressed, number: "2026-0042", mine: [done(7, "2026-0042")] })).toEqual({
      kind: "already",
      number: "2026-0042",
      at,
    });
  });

  it("says the person is not asked about that incident", () => {
    expect(decideReceipt({ ...addressed, number: "2026-0042", mine: [pending(8, "2026-0043")] })).toEqual({
      kind: "not-listed",
      number: "2026-0042",
    });
  });
});
