import { describe, expect, it } from "vitest";
import type { ScheduledJob } from "../../../src/bot/core/ports.ts";
import { VirtualClock } from "../../../src/transcript/virtual-clock.ts";
import { VirtualScheduler } from "../../../src/transcript/virtual-scheduler.ts";

const START = new Date("2026-03-02T01:00:00Z");
const minutes = (n: number) => new Date(START.getTime() + n * 60_000);
const job = (name: string): ScheduledJob => ({ name, data: { label: name } });

function setup() {
  const clock = new VirtualClock(START);
  const scheduler = new VirtualScheduler(clock);
  const runs: { key: string; name: string; now: Date }[] = [];
  let afterEachCalls = 0;
  const advance = (until: Date, onRun?: (key: string) => Promise<void>) =>
    scheduler.advance(
      until,
      async (key, j) => {
        runs.push({ key, name: j.name, now: clock.now() });
        await onRun?.(key);
      },
      async () => {
        afterEachCalls += 1;
      },
    );
  return { clock, scheduler, runs, advance, afterEachCalls: () => afterEachCalls };
}

describe("VirtualScheduler", () => {
  it("runs due jobs in due order, each seeing the clock at its own due time", async () => {
    const { clock, scheduler, runs, advance, afterEachCalls } = setup();
    await scheduler.schedule("c", minutes(30), job("c"));
    await scheduler.schedule("a", minutes(10), job("a"));
    await scheduler.schedule("b", minutes(20), job("b"));

    await advance(minutes(60));

    expect(runs).toEqual([
      { key: "a", name: "a", now: minutes(10) },
      { key: "b", name: "b", now: minutes(20) },
      { key: "c", name: "c", now: minutes(30) },
    ]);
    expect(afterEachCalls()).toBe(3);
    expect(clock.now()).toEqual(minutes(60));
  });

  it("runs jobs due at the same time in the order they were scheduled", async () => {
    const { scheduler, runs, advance } = setup();
    for (const key of ["x", "y", "z"]) await scheduler.schedule(key, minutes(5), job(key));
    await advance(minutes(5));
    expect(runs.map((r) => r.key)).toEqual(["x", "y", "z"]);
  });

  it("leaves jobs due later waiting and moves the clock to the target", async () => {
    const { clock, scheduler, runs, advance } = setup();
    await scheduler.schedule("soon", minutes(10), job("soon"));
    await scheduler.schedule("later", minutes(90), job("later"));

    await advance(minutes(30));

    expect(runs.map((r) => r.key)).toEqual(["soon"]);
    expect(scheduler.waiting()).toEqual([{ key: "later", at: minutes(90) }]);
    expect(clock.now()).toEqual(minutes(30));
  });

  it("adds a key once: scheduling it again, even at another time, changes nothing", async () => {
    const { scheduler, runs, advance } = setup();
    await scheduler.schedule("same", minutes(10), job("first"));
    await scheduler.schedule("same", minutes(5), job("second"));
    expect(scheduler.waiting()).toEqual([{ key: "same", at: minutes(10) }]);

    await advance(minutes(60));
    expect(runs).toEqual([{ key: "same", name: "first", now: minutes(10) }]);
  });

  it("does not add a key again after it fired", async () => {
    const { scheduler, runs, advance } = setup();
    await scheduler.schedule("once", minutes(10), job("once"));
    await advance(minutes(20));
    await scheduler.schedule("once", minutes(30), job("once"));
    expect(scheduler.waiting()).toEqual([]);
    await advance(minutes(60));
    expect(runs).toHaveLength(1);
  });

  it("cancel removes a waiting job; cancelling an unknown key is harmless", async () => {
    const { scheduler, runs, advance } = setup();
    await scheduler.schedule("keep", minutes(10), job("keep"));
    await scheduler.schedule("drop", minutes(5), job("drop"));
    await scheduler.cancel("drop");
    await scheduler.cancel("never-scheduled");
    await advance(minutes(60));
    expect(runs.map((r) => r.key)).toEqual(["keep"]);
  });

  it("runs a job scheduled in the past at the current time", async () => {
    const { clock, scheduler, runs, advance } = setup();
    clock.set(minutes(30));
    await scheduler.schedule("overdue", minutes(0), job("overdue"));
    expect(scheduler.waiting()).toEqual([{ key: "overdue", at: minutes(30) }]);
    await advance(minutes(30));
    expect(runs).toEqual([{ key: "overdue", name: "overdue", now: minutes(30) }]);
  });

  it("runs jobs that a job schedules when they fall due within the same wait", async () => {
    const { clock, scheduler, runs, advance } = setup();
    await scheduler.schedule("remind", minutes(10), job("remind"));
    await advance(minutes(60), async (key) => {
      // A reminder schedules the expiry 20 minutes after its own time, like the dialog idle job.
      if (key === "remind") {
        await scheduler.schedule("expire", new Date(clock.now().getTime() + 20 * 60_000), job("expire"));
        await scheduler.schedule("too-late", minutes(120), job("too-late"));
      }
    });
    expect(runs).toEqual([
      { key: "remind", name: "remind", now: minutes(10) },
      { key: "expire", name: "expire", now: minutes(30) },
    ]);
    expect(scheduler.waiting()).toEqual([{ key: "too-late", at: minutes(120) }]);
  });

  it("lists waiting jobs soonest first", async () => {
    const { scheduler } = setup();
    await scheduler.schedule("b", minutes(20), job("b"));
    await scheduler.schedule("a", minutes(10), job("a"));
    expect(scheduler.waiting().map((w) => w.key)).toEqual(["a", "b"]);
  });
});
