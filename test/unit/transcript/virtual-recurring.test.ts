/** The virtual scheduler's daily entries: fire at their local time each day with `dueAt`, follow reconcile. */
import { describe, expect, it } from "vitest";
import type { ScheduledJob } from "../../../src/bot/core/ports.ts";
import { VirtualClock } from "../../../src/transcript/virtual-clock.ts";
import { VirtualScheduler } from "../../../src/transcript/virtual-scheduler.ts";

const TZ = "Asia/Shanghai";
// 2026-12-01 07:00 in Shanghai.
const START = new Date("2026-11-30T23:00:00Z");
// 08:00 local on 12-01 and 12-02.
const DEC1 = Date.parse("2026-12-01T00:00:00Z");
const DEC2 = Date.parse("2026-12-02T00:00:00Z");

function setup() {
  const clock = new VirtualClock(new Date("2020-01-01T00:00:00Z"));
  const scheduler = new VirtualScheduler(clock);
  const runs: { key: string; job: ScheduledJob; now: string }[] = [];
  const advance = (until: Date) =>
    scheduler.advance(
      until,
      async (key, job) => {
        runs.push({ key, job, now: clock.now().toISOString() });
        // A job the recurring one schedules at "now" runs in the same advance.
        if (job.name === "tick")
          await scheduler.schedule(`${key}-run`, clock.now(), { name: "run", data: {} });
      },
      async () => {},
    );
  return { clock, scheduler, runs, advance };
}

describe("VirtualScheduler daily entries", () => {
  it("fire at the local time every day, counted from when virtual time starts moving", async () => {
    const { clock, scheduler, runs, advance } = setup();
    // Reconciled while the clock still shows the real start-up time, as in the transcript runner.
    await scheduler.reconcile(
      [{ id: "morning", hour: 8, minute: 0, job: { name: "tick", data: { a: 1 } } }],
      TZ,
    );
    clock.set(START);
    await advance(new Date("2026-12-02T01:00:00Z")); // 12-02 09:00 local

    expect(runs.map((r) => [r.key, r.now])).toEqual([
      [`daily-morning-${DEC1}`, "2026-12-01T00:00:00.000Z"],
      [`daily-morning-${DEC1}-run`, "2026-12-01T00:00:00.000Z"],
      [`daily-morning-${DEC2}`, "2026-12-02T00:00:00.000Z"],
      [`daily-morning-${DEC2}-run`, "2026-12-02T00:00:00.000Z"],
    ]);
    expect(runs[0]?.job).toEqual({ name: "tick", data: { a: 1, dueAt: "2026-12-01T00:00:00.000Z" } });
  });

  it("reconcile replaces the entries: removed ones stop, changed ones fire at their new time", async () => {
    const { clock, scheduler, runs, advance } = setup();
    await scheduler.reconcile(
      [
        { id: "morning", hour: 8, minute: 0, job: { name: "m", data: {} } },
        { id: "evening", hour: 18, minute: 0, job: { name: "e", data: {} } },
      ],
      TZ,
    );
    expect(scheduler.recurringIds()).toEqual(["morning", "evening"]);
    await scheduler.reconcile([{ id: "morning", hour: 9, minute: 30, job: { name: "m2", data: {} } }], TZ);
    expect(scheduler.recurringIds()).toEqual(["morning"]);
    clock.set(START);
    await advance(new Date("2026-12-01T12:00:00Z")); // 20:00 local
    expect(runs.map((r) => [r.job.name, r.now])).toEqual([["m2", "2026-12-01T01:30:00.000Z"]]);
  });
});
