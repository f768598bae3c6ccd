/** The 督办 ledger's order and lines: overdue first, then the nearest open deadline; the worst light. */
import { describe, expect, it } from "vitest";
import {
  type LedgerPart,
  type LedgerTask,
  ledgerLine,
  sortLedger,
  taskLight,
} from "../../../../src/handlers/supervision/queries/ledger-lines.ts";

const HOUR = 3_600_000;
const NOW = new Date("2026-12-07T01:00:00Z");
const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR);

const part = (unitId: string, dueIn: number, more: Partial<LedgerPart> = {}): LedgerPart => ({
  unitId,
  role: "lead",
  dueAt: at(dueIn),
  signedAt: at(-10),
  extensionDueAt: null,
  closeRequestedAt: null,
  closedAt: null,
  ...more,
});

const task = (number: string, dueIn: number, parts: LedgerPart[]): LedgerTask => ({
  number,
  content: "报送防汛物资储备情况并附照片和清单说明材料",
  dueAt: at(dueIn),
  parts,
});

const view = {
  now: NOW,
  remindBeforeMs: 2 * HOUR,
  unitName: (id: string) => ({ qingshan: "青山镇", baishui: "白水乡" })[id] ?? id,
  time: (d: Date) => `T${(d.getTime() - NOW.getTime()) / HOUR}`,
};

describe("the ledger", () => {
  it("puts overdue tasks first, then the nearest open deadline, then the number", () => {
    const later = task("D2026-0001", 30, [part("qingshan", 30)]);
    const soon = task("D2026-0002", 1, [part("qingshan", 1)]);
    // Its own deadline is far, but one unit's part is overdue.
    const overdue = task("D2026-0003", 40, [part("qingshan", 40), part("baishui", -3)]);
    // A closed part's passed deadline does not make the task overdue.
    const closedLate = task("D2026-0004", -5, [
      part("qingshan", -5, { closedAt: at(-6) }),
      part("baishui", 20),
    ]);
    const tie = task("D2026-0000", 30, [part("baishui", 30)]);
    expect(sortLedger([later, soon, overdue, closedLate, tie], NOW).map((t) => t.number)).toEqual([
      "D2026-0003",
      "D2026-0002",
      "D2026-0004",
      "D2026-0000",
      "D2026-0001",
    ]);
  });

  it("lights a task by its worst open part: 红 over 黄 over 绿, none when all are closed", () => {
    expect(taskLight(task("D1", 5, [part("a", 5), part("b", 1)]), NOW, 2 * HOUR)).toBe("yellow");
    expect(taskLight(task("D1", 5, [part("a", 5), part("b", -1)]), NOW, 2 * HOUR)).toBe("red");
    expect(taskLight(task("D1", 5, [part("a", 5, { extensionDueAt: at(30) })]), NOW, 2 * HOUR)).toBe(
      "yellow",
    );
    expect(taskLight(task("D1", 5, [part("a", 5)]), NOW, 2 * HOUR)).toBe("green");
    expect(taskLight(task("D1", -1, [part("a", -1, { closedAt: at(-2) })]), NOW, 2 * HOUR)).toBeNull();
  });

  it("writes the light, the number, the content cut short, each unit's state and the deadline", () => {
    const line = ledgerLine(
      task("D2026-0001", 5, [
        part("qingshan", 5, { signedAt: null }),
        part("baishui", 29, { role: "assist" }),
        part("liulin", -1, { role: "assist", closedAt: at(-2) }),
      ]),
      view,
    );
    expect(line).toBe(
      "🟢 D2026-0001「报送防汛物资储备情况并附照片和清单说明材…」青山镇（牵头）待签收、白水乡（配合）办理中，延期至 T29、liulin（配合）已办结 · 期限 T5",
    );
  });
});
