/** The token's life (fetched once for all, renewed early, dropped when WeCom calls it invalid) and error kinds. */
import { describe, expect, it } from "vitest";
import { failureOfCode, failureOfStatus } from "../../../../../src/bot/adapters/wecom/client/wecom-errors.ts";
import { WecomToken } from "../../../../../src/bot/adapters/wecom/client/wecom-token.ts";

describe("WecomToken", () => {
  it("fetches once for callers at the same moment and renews five minutes before expiry", async () => {
    let now = 0;
    let fetched = 0;
    const token = new WecomToken(
      async () => ({ token: `t${++fetched}`, expiresInSeconds: 7200 }),
      () => now,
    );
    expect(await Promise.all([token.get(), token.get(), token.get()])).toEqual(["t1", "t1", "t1"]);
    now = (7200 - 301) * 1000;
    expect(await token.get()).toBe("t1");
    now = (7200 - 299) * 1000;
    expect(await token.get()).toBe("t2");
    expect(fetched).toBe(2);
  });

  it("drops a token WeCom called invalid, but not a newer one", async () => {
    let fetched = 0;
    const token = new WecomToken(async () => ({ token: `t${++fetched}`, expiresInSeconds: 7200 }));
    expect(await token.get()).toBe("t1");
    token.invalidate("t1");
    expect(await token.get()).toBe("t2");
    token.invalidate("t1");
    expect(await token.get()).toBe("t2");
  });

  it("lets the next caller try again after a failed fetch", async () => {
    let fail = true;
    const token = new WecomToken(async () => {
      if (fail) throw new Error("down");
      return { token: "ok", expiresInSeconds: 7200 };
    });
    await expect(token.get()).rejects.toThrow("down");
    fail = false;
    expect(await token.get()).toBe("ok");
  });
});

describe("WeCom failures", () => {
  it("refreshes on token codes, waits out the frequency block, retries busy and 5xx, gives up on the rest", () => {
    expect(failureOfCode(42001, "access_token expired").kind).toBe("token");
    expect(failureOfCode(40014, "invalid access_token").kind).toBe("token");
    expect(failureOfCode(45009, "api freq out of limit")).toMatchObject({ kind: "retry", waitMs: 60_000 });
    expect(failureOfCode(-1, "system busy")).toMatchObject({ kind: "retry" });
    expect(failureOfCode(81013, "user & party & tag all invalid")).toMatchObject({
      kind: "fatal",
      code: 81013,
    });
    expect(failureOfStatus(503, null)).toMatchObject({ kind: "retry" });
    expect(failureOfStatus(429, "2")).toMatchObject({ kind: "retry", waitMs: 2000 });
    expect(failureOfStatus(404, null).kind).toBe("fatal");
  });
});
