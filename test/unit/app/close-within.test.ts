import pino from "pino";
import { afterEach, describe, expect, it, vi } from "vitest";
import { closeWithin } from "../../../src/app/close-within.ts";

function quietLog() {
  const log = pino({ level: "silent" });
  return { log, warn: vi.spyOn(log, "warn") };
}

describe("closeWithin", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("waits for a step that finishes, and neither warns nor forces", async () => {
    const { log, warn } = quietLog();
    const force = vi.fn();
    let closed = false;
    await closeWithin(
      log,
      "workers",
      10_000,
      async () => {
        closed = true;
      },
      force,
    );
    expect(closed).toBe(true);
    expect(warn).not.toHaveBeenCalled();
    expect(force).not.toHaveBeenCalled();
  });

  it("moves on from a step stuck past its limit: warns, forces, and returns", async () => {
    vi.useFakeTimers();
    const { log, warn } = quietLog();
    const force = vi.fn();
    const done = closeWithin(log, "redis", 10_000, () => new Promise(() => {}), force);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(force).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    await done;
    expect(force).toHaveBeenCalledOnce();
    expect(warn).toHaveBeenCalledWith({ step: "redis", limitMs: 10_000 }, expect.any(String));
  });

  it("passes on the error of a step that fails", async () => {
    const { log } = quietLog();
    await expect(
      closeWithin(log, "queues", 10_000, () => Promise.reject(new Error("refused"))),
    ).rejects.toThrow("refused");
  });
});
