/** The pacer spreads a burst by room and overall gaps; the reorder buffer restores a conversation's order. */
import { describe, expect, it } from "vitest";
import { Pacer } from "../../../../../src/bot/adapters/wechat/pacer.ts";
import { ReorderBuffer } from "../../../../../src/bot/adapters/wechat/reorder-buffer.ts";

describe("Pacer", () => {
  it("gives a burst slots at least the gaps apart, in arrival order, dropping none", async () => {
    let now = 0;
    const starts: { room: string; at: number }[] = [];
    const pacer = new Pacer(
      { roomGapMs: 3000, overallGapMs: 1000, jitterMs: 0 },
      () => now,
      async (ms) => {
        now += ms;
      },
    );
    for (const room of ["a", "a", "b", "a", "b", "c"]) {
      await pacer.wait(room);
      starts.push({ room, at: now });
    }
    expect(starts).toHaveLength(6);
    for (let i = 1; i < starts.length; i++)
      expect((starts[i] as { at: number }).at - (starts[i - 1] as { at: number }).at).toBeGreaterThanOrEqual(
        1000,
      );
    const inA = starts.filter((s) => s.room === "a").map((s) => s.at);
    for (let i = 1; i < inA.length; i++)
      expect((inA[i] as number) - (inA[i - 1] as number)).toBeGreaterThanOrEqual(3000);
  });

  it("adds jitter on top of the gap", async () => {
    let now = 0;
    const pacer = new Pacer(
      { roomGapMs: 0, overallGapMs: 1000, jitterMs: 500 },
      () => now,
      async (ms) => {
        now += ms;
      },
      () => 0.99,
    );
    await pacer.wait("a");
    const first = now;
    await pacer.wait("b");
    expect(now - first).toBeGreaterThanOrEqual(1000 + 490);
  });

  it("does not wait when the account has been quiet", async () => {
    const waits: number[] = [];
    const pacer = new Pacer(
      { roomGapMs: 3000, overallGapMs: 1000, jitterMs: 0 },
      () => 50_000,
      async (ms) => {
        waits.push(ms);
      },
    );
    await pacer.wait("a");
    expect(waits).toEqual([]);
  });
});

describe("ReorderBuffer", () => {
  it("hands on a conversation in the order it was written, not the order it arrived", async () => {
    const out: string[] = [];
    const buffer = new ReorderBuffer<string>(50, async (_key, item) => {
      out.push(item);
    });
    buffer.push("room|zhangsan", 3000, "third");
    buffer.push("room|zhangsan", 1000, "first");
    buffer.push("room|lisi", 500, "other");
    buffer.push("room|zhangsan", 2000, "second");
    await buffer.idle();
    expect(out.filter((i) => i !== "other")).toEqual(["first", "second", "third"]);
    expect(out).toContain("other");
  });

  it("keeps arrival order for equal timestamps (puppets with second resolution)", async () => {
    const out: string[] = [];
    const buffer = new ReorderBuffer<string>(20, async (_key, item) => {
      out.push(item);
    });
    buffer.push("k", 1000, "a");
    buffer.push("k", 1000, "b");
    buffer.push("k", 1000, "c");
    await buffer.idle();
    expect(out).toEqual(["a", "b", "c"]);
  });

  it("hands one message on at a time per conversation, and flush releases what is held", async () => {
    const out: string[] = [];
    let running = 0;
    let overlap = false;
    const buffer = new ReorderBuffer<string>(10_000, async (_key, item) => {
      running += 1;
      if (running > 1) overlap = true;
      await new Promise((resolve) => setTimeout(resolve, 5));
      out.push(item);
      running -= 1;
    });
    buffer.push("k", 2, "b");
    buffer.push("k", 1, "a");
    await buffer.flush();
    expect(out).toEqual(["a", "b"]);
    expect(overlap).toBe(false);
  });
});
