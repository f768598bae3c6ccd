import { describe, expect, it } from "vitest";
import { KeyedSerial } from "../../../../src/bot/core/keyed-serial.ts";

/** A promise the test resolves by hand. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("KeyedSerial", () => {
  it("runs tasks of one key one at a time, in arrival order", async () => {
    const serial = new KeyedSerial();
    const log: string[] = [];
    const first = gate();
    const a = serial.run("chat|zhangsan", async () => {
      log.push("a start");
      await first.promise;
      log.push("a end");
      return "a";
    });
    const b = serial.run("chat|zhangsan", async () => {
      log.push("b start");
      return "b";
    });
    await tick();
    expect(log).toEqual(["a start"]);
    expect(serial.pending).toBe(2);
    first.open();
    expect(await Promise.all([a, b])).toEqual(["a", "b"]);
    expect(log).toEqual(["a start", "a end", "b start"]);
  });

  it("runs tasks of different keys in parallel", async () => {
    const serial = new KeyedSerial();
    const blocker = gate();
    const started: string[] = [];
    const slow = serial.run("chat|zhangsan", async () => {
      started.push("zhangsan");
      await blocker.promise;
    });
    const other = serial.run("chat|lisi", async () => {
      started.push("lisi");
      return "lisi done";
    });
    // The other conversation finishes while the first is still blocked.
    expect(await other).toBe("lisi done");
    expect(started).toEqual(["zhangsan", "lisi"]);
    blocker.open();
    await slow;
  });

  it("goes on with the next task of a key after one fails, and passes the error to its caller", async () => {
    const serial = new KeyedSerial();
    const failing = serial.run("k", async () => {
      throw new Error("boom");
    });
    const next = serial.run("k", async () => "next");
    await expect(failing).rejects.toThrow("boom");
    expect(await next).toBe("next");
  });

  it("idle() resolves at once when nothing runs", async () => {
    const serial = new KeyedSerial();
    let resolved = false;
    await serial.idle().then(() => {
      resolved = true;
    });
    expect(resolved).toBe(true);
    expect(serial.pending).toBe(0);
  });

  it("idle() waits for every queued and running task of every key", async () => {
    const serial = new KeyedSerial();
    const gates = [gate(), gate(), gate()];
    const done: number[] = [];
    serial.run("a", async () => {
      await gates[0]?.promise;
      done.push(0);
    });
    serial.run("a", async () => {
      await gates[1]?.promise;
      done.push(1);
    });
    serial
      .run("b", async () => {
        await gates[2]?.promise;
        throw new Error("b failed");
      })
      .catch(() => {});
    let idle = false;
    const waiting = serial.idle().then(() => {
      idle = true;
    });
    gates[2]?.open();
    gates[0]?.open();
    await tick();
    expect(idle).toBe(false);
    expect(serial.pending).toBe(1);
    gates[1]?.open();
    await waiting;
    expect(idle).toBe(true);
    expect(done).toEqual([0, 1]);
    expect(serial.pending).toBe(0);
  });

  it("can be used again after going idle", async () => {
    const serial = new KeyedSerial();
    await serial.run("k", async () => 1);
    await serial.idle();
    const order: number[] = [];
    const g = gate();
    const a = serial.run("k", async () => {
      await g.promise;
      order.push(1);
    });
    const b = serial.run("k", async () => {
      order.push(2);
    });
    const idle = serial.idle();
    g.open();
    await Promise.all([a, b, idle]);
    expect(order).toEqual([1, 2]);
  });
});
