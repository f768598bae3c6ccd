/** A unit's day in the 零报告台账: what is on file first, then the standing, the rule and the clock. */
import { describe, expect, it } from "vitest";
import { ledgerCell } from "../../../../src/handlers/daily/sheets/ledger-cell.ts";

const at = new Date("2026-12-01T08:00:00Z");
const base = { ahead: false, owed: true, cutoffPassed: true };

describe("ledgerCell", () => {
  it("shows a recorded report as it was recorded", () => {
    expect(ledgerCell({ ...base, report: { status: "on_time", reportedAt: at } })).toEqual({
      kind: "on_time",
      at,
    });
    expect(ledgerCell({ ...base, report: { status: "late", reportedAt: at } })).toEqual({ kind: "late", at });
    expect(ledgerCell({ ...base, report: { status: "missed", reportedAt: null } })).toEqual({
      kind: "missed",
    });
    // A report on a day the rule skips still shows.
    expect(ledgerCell({ ...base, owed: false, report: { status: "on_time", reportedAt: at } }).kind).toBe(
      "on_time",
    );
  });

  it("reads a day without a record from the standing and the cut-off", () => {
    expect(ledgerCell({ ...base, incidentAt: at })).toEqual({ kind: "on_time", at });
    expect(ledgerCell(base)).toEqual({ kind: "missed" });
    expect(ledgerCell({ ...base, cutoffPassed: false })).toEqual({ kind: "open" });
    expect(ledgerCell({ ...base, owed: false })).toEqual({ kind: "rest" });
    expect(ledgerCell({ ...base, ahead: true, owed: false })).toEqual({ kind: "open" });
  });
});
