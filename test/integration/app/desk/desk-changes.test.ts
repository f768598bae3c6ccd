/**
 * The "desk changed" signal over the test Redis: one process's change is heard by another on the
 * same prefix (not by one on another prefix), and a burst reaches the pages as one signal at once
 * and at most one more at the end of the window.
 */
import { afterEach, describe, expect, it } from "vitest";
import { DeskChanges } from "../../../../src/app/desk/desk-changes.ts";
import { createRedis } from "../../../../src/queue/redis-connection.ts";
import { silentLog } from "../../../support/app.ts";
import { testRedisUrl, uniquePrefix } from "../../../support/redis.ts";

const opened: { changes: DeskChanges; close(): Promise<unknown> }[] = [];
afterEach(async () => {
  for (const item of opened.splice(0)) {
    await item.changes.close();
    await item.close();
  }
});

async function changesOn(prefix: string): Promise<DeskChanges> {
  const redis = createRedis(testRedisUrl());
  const changes = new DeskChanges(redis, prefix, silentLog, 150);
  opened.push({ changes, close: () => redis.quit() });
  await changes.listen();
  return changes;
}

/** Counts the signals and lets a test wait for the n-th. */
function counter(changes: DeskChanges) {
  let count = 0;
  const waiters: { n: number; resolve: () => void }[] = [];
  changes.subscribe(() => {
    count += 1;
    for (const w of waiters.filter((w) => w.n <= count)) w.resolve();
  });
  return {
    get count() {
      return count;
    },
    reached: (n: number) =>
      new Promise<void>((resolve) => (count >= n ? resolve() : waiters.push({ n, resolve }))),
  };
}

describe("DeskChanges", () => {
  it("tells the other processes on the same prefix, not those on another", async () => {
    const prefix = uniquePrefix("desk-changes");
    const [here, there, elsewhere] = [
      await changesOn(prefix),
      await changesOn(prefix),
      await changesOn(uniquePrefix("other")),
    ];
    const heard = counter(there);
    const heardElsewhere = counter(elsewhere);
    const heardHere = counter(here);
    here.changed();
    await Promise.all([heard.reached(1), heardHere.reached(1)]);
    expect(heardElsewhere.count).toBe(0);
  });

  it("coalesces a burst into one signal at once and one at the end", async () => {
    const changes = await changesOn(uniquePrefix("desk-burst"));
    const heard = counter(changes);
    changes.changed();
    await heard.reached(1);
    for (let i = 0; i < 20; i++) changes.changed();
    await heard.reached(2);
    expect(heard.count).toBe(2);
  });
});
