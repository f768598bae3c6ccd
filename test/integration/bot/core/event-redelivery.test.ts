/**
 * Redelivered events through the real pipeline, in two apps on one database and one Redis prefix
 * (as two bot processes): a handling that died (its app stopped at a gate that never opens for it,
 * as a process killed mid-handling) leaves nothing that drops the redelivery another app takes; a
 * redelivery taken while the first handling still runs is handled once; a burst of one person's
 * events queued behind a handling that died is handled in full by the other app.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { InboundOutcome } from "../../../../src/bot/core/pipeline.ts";
import { startTestApp, type TestApp } from "../../../support/app.ts";
import { openTestDatabase } from "../../../support/database.ts";
import { GATED_TEXTS, GatedCapability } from "../../../support/gated-capability.ts";
import { sayHandledBy } from "../../../support/handled-by.ts";
import { deletePrefixedKeys, uniquePrefix } from "../../../support/redis.ts";
import { waitFor } from "../../../support/wait-for.ts";

const DM = "dm:zhangsan";
const cleanups: (() => Promise<unknown>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Two apps ("processes") on one database and Redis prefix, sharing one gated capability. */
async function twoApps(options: { locked: boolean }) {
  const database = await openTestDatabase();
  const prefix = uniquePrefix("redelivery");
  const gated = new GatedCapability();
  cleanups.push(
    () => database.close(),
    () => deletePrefixedKeys(prefix),
  );
  const start = async () => {
    const test = await startTestApp({
      database,
      prefix,
      capabilities: [gated.capability()],
      sharedDatabase: options.locked,
    });
    // The gate opens first, so the handling held there ends before its app closes.
    cleanups.push(async () => {
      gated.open();
      await test.close();
    });
    return test;
  };
  return { gated, first: await start(), second: await start() };
}

/** 张三 says `text` (as `eventId`), handled by this app: the apps share the console's queue. */
function say(test: TestApp, text: string, eventId: string): Promise<InboundOutcome> {
  return sayHandledBy(test.app, DM, "张三", text, eventId).then((r) => r.outcome);
}

async function botTexts(test: TestApp): Promise<string[]> {
  await test.app.idle();
  return (await test.app.history.list(DM)).filter((m) => m.sender === null).map((m) => m.text);
}

describe("a redelivered event", { timeout: 60_000 }, () => {
  it("is handled when the handling it repeats died: nothing it left drops it", async () => {
    const { gated, first, second } = await twoApps({ locked: false });
    const dead = say(first, "慢办", "evt-dead");
    await gated.reached;

    expect(await say(second, "慢办", "evt-dead")).toBe("handled");
    expect(gated.runs.slow).toBe(2);
    expect(await botTexts(second)).toEqual([GATED_TEXTS.slowDone]);
    // Were the first app alive after all, its late end finds the event handled once already.
    gated.open();
    expect(await dead).toBe("handled");
    expect(await botTexts(second)).toEqual([GATED_TEXTS.slowDone]);
  });

  it("taken while the first handling still runs in another app, is handled once", async () => {
    const { gated, first, second } = await twoApps({ locked: true });
    const running = say(first, "慢办", "evt-live");
    await gated.reached;
    const redelivered = say(second, "慢办", "evt-live");
    gated.open();

    expect(await running).toBe("handled");
    expect(await redelivered).toBe("duplicate");
    expect(gated.runs.slow).toBe(1);
    expect(await botTexts(second)).toEqual([GATED_TEXTS.slowDone]);
  });

  it("taken twice at once by one app, is handled once", async () => {
    const { gated, first } = await twoApps({ locked: false });
    const outcomes = await Promise.all([say(first, "快办", "evt-twice"), say(first, "快办", "evt-twice")]);

    expect(outcomes.sort()).toEqual(["duplicate", "handled"]);
    expect(gated.runs.quick).toBe(1);
    expect(await botTexts(first)).toEqual([GATED_TEXTS.quickDone]);
  });

  it("loses nothing of a burst queued behind a handling that died", async () => {
    const { gated, first, second } = await twoApps({ locked: false });
    const burst = ["evt-burst-1", "evt-burst-2", "evt-burst-3", "evt-burst-4"];
    const dead = say(first, "慢办", "evt-burst-0");
    await gated.reached;
    const queued = burst.map((eventId) => say(first, "快办", eventId));
    await waitFor("the burst stored and queued behind the first", async () => {
      const said = (await first.app.history.list(DM)).filter((m) => m.sender === "zhangsan");
      return said.length === burst.length + 1;
    });
    expect(gated.runs.quick).toBe(0);

    expect(await say(second, "慢办", "evt-burst-0")).toBe("handled");
    for (const eventId of burst) expect(await say(second, "快办", eventId)).toBe("handled");
    expect(gated.runs).toMatchObject({ slow: 2, quick: burst.length });
    const texts = await botTexts(second);
    expect(texts.filter((t) => t === GATED_TEXTS.quickDone)).toHaveLength(burst.length);
    expect(texts.filter((t) => t === GATED_TEXTS.slowDone)).toHaveLength(1);

    // The first app, had it lived, finds every one of them handled.
    gated.open();
    expect(await dead).toBe("handled");
    expect(await Promise.all(queued)).toEqual(burst.map(() => "duplicate"));
    expect(gated.runs).toMatchObject({ slow: 2, quick: burst.length });
  });
});
