import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { whileWaiting } from "../../../src/app/while-waiting.ts";

describe("whileWaiting", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("ticks with the seconds elapsed while the work is pending, and stops when it is done", async () => {
    let finish: (value: string) => void = () => {};
    const work = new Promise<string>((resolve) => {
      finish = resolve;
    });
    const ticks: number[] = [];
    const waited = whileWaiting(work, 5000, (seconds) => ticks.push(seconds));

    await vi.advanceTimersByTimeAsync(12_000);
    expect(ticks).toEqual([5, 10]);

    finish("open");
    await expect(waited).resolves.toBe("open");
    await vi.advanceTimersByTimeAsync(20_000);
    expect(ticks).toEqual([5, 10]);
  });

  it("stops ticking when the work fails, and passes the failure on", async () => {
    const ticks: number[] = [];
    const waited = whileWaiting(Promise.reject(new Error("数据目录损坏")), 5000, (s) => ticks.push(s));
    await expect(waited).rejects.toThrow("数据目录损坏");
    await vi.advanceTimersByTimeAsync(20_000);
    expect(ticks).toEqual([]);
  });
});
