/**
 * 督办 tasks on a real database: numbers per year (D2026-0001, D2026-0002, then D2027-0001), one
 * task per submission however often it is confirmed, and a part changed only from the state the
 * change expects, with its timeline step written alongside.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TaskStore } from "../../../../src/handlers/supervision/task-store.ts";
import type { Database } from "../../../../src/store/database.ts";
import { openTestDatabase } from "../../../support/database.ts";

const AT = new Date("2026-12-07T02:00:00Z");
const DUE = new Date("2026-12-07T10:00:00Z");
let db: Database;
let store: TaskStore;

beforeEach(async () => {
  db = await openTestDatabase();
  store = new TaskStore(db.prisma);
});
afterEach(() => db.close());

const task = (sourceKey: string, year = 2026) => ({
  sourceKey,
  content: "报送防汛物资储备情况",
  assignerId: "li-shuji",
  chatId: "leaders",
  createdAt: AT,
  dueAt: DUE,
  year,
  units: [
    { unitId: "qingshan", role: "lead" as const },
    { unitId: "baishui", role: "assist" as const },
  ],
});

describe("the task store", () => {
  it("numbers tasks per year and files one per submission", async () => {
    const first = await store.create(task("a"));
    const again = await store.create(task("a"));
    const second = await store.create(task("b"));
    const nextYear = await store.create(task("c", 2027));
    expect([first.task.number, second.task.number, nextYear.task.number]).toEqual([
      "D2026-0001",
      "D2026-0002",
      "D2027-0001",
    ]);
    expect(again).toMatchObject({ created: false, task: { id: first.task.id } });
    expect(first.task.parts.map((p) => [p.unitId, p.role, p.dueAt.toISOString()])).toEqual([
      ["qingshan", "lead", DUE.toISOString()],
      ["baishui", "assist", DUE.toISOString()],
    ]);
    expect((await store.timeline(first.task.id)).map((e) => e.kind)).toEqual(["assigned"]);
  });

  it("changes a part once, from the state expected, and closes the task when every part is closed", async () => {
    const { task: filed } = await store.create(task("a"));
    const [lead, assist] = filed.parts;
    if (!lead || !assist) throw new Error("two parts expected");
    const sign = () =>
      store.updatePartIf(
        lead.id,
        { signedAt: null },
        { signedAt: AT, signedBy: "zhang-san" },
        { kind: "signed", at: AT, actorId: "zhang-san" },
      );
    expect(await sign()).toBe(true);
    expect(await sign()).toBe(false);
    for (const part of [lead, assist]) {
      expect(await store.closeTaskIfDone(filed.id, AT, "li-shuji")).toBe(false);
      await store.updatePartIf(
        part.id,
        { closedAt: null },
        { closedAt: AT, closedBy: "li-shuji" },
        { kind: "part_closed", at: AT, actorId: "li-shuji" },
      );
    }
    expect(await store.closeTaskIfDone(filed.id, AT, "li-shuji")).toBe(true);
    expect(await store.closeTaskIfDone(filed.id, AT, "li-shuji")).toBe(false);
    expect((await store.byNumber("D2026-0001"))?.status).toBe("closed");
    const timeline = await store.timeline(filed.id);
    expect(timeline.map((e) => [e.kind, e.unitId])).toEqual([
      ["assigned", null],
      ["signed", "qingshan"],
      ["part_closed", "qingshan"],
      ["part_closed", "baishui"],
      ["closed", null],
    ]);
  });
});
