import { describe, expect, it } from "vitest";
import { partLight, partStatus } from "../../../../src/handlers/supervision/rules/part-state.ts";
import { parseTaskNumber } from "../../../../src/handlers/supervision/rules/task-number.ts";

const HOUR = 3_600_000;
const due = new Date("2026-12-07T10:00:00Z");
const at = (hoursBeforeDue: number) => new Date(due.getTime() - hoursBeforeDue * HOUR);
const open = { dueAt: due, signedAt: null, extensionDueAt: null, closeRequestedAt: null, closedAt: null };

describe("a part's state and light", () => {
  it("reads the first state that applies", () => {
    expect(partStatus(open, at(5))).toBe("unsigned");
    expect(partStatus({ ...open, signedAt: at(6) }, at(5))).toBe("in_progress");
    expect(partStatus({ ...open, signedAt: at(6), extensionDueAt: due }, at(5))).toBe("extension_pending");
    expect(partStatus({ ...open, closeRequestedAt: at(6), extensionDueAt: due }, at(5))).toBe(
      "close_pending",
    );
    expect(partStatus({ ...open, closeRequestedAt: at(6) }, at(0))).toBe("overdue");
    expect(partStatus({ ...open, closedAt: at(-1) }, at(-2))).toBe("closed");
  });

  it("is green on track, yellow near the deadline or with an extension pending, red overdue", () => {
    expect(partLight(open, at(3), 2 * HOUR)).toBe("green");
    expect(partLight(open, at(2), 2 * HOUR)).toBe("yellow");
    expect(partLight({ ...open, extensionDueAt: due }, at(5), 2 * HOUR)).toBe("yellow");
    expect(partLight(open, at(0), 2 * HOUR)).toBe("red");
    expect(partLight({ ...open, closedAt: at(1) }, at(0), 2 * HOUR)).toBeNull();
  });
});

describe("task numbers", () => {
  it("are read in any case and stored in one form", () => {
    expect(parseTaskNumber("d2026-1")).toBe("D2026-0001");
    expect(parseTaskNumber(" D2026-0042 ")).toBe("D2026-0042");
    expect(parseTaskNumber("2026-0042")).toBeNull();
    expect(parseTaskNumber("D26-1")).toBeNull();
  });
});
