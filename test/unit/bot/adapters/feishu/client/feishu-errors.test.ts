/** What a failed Feishu call means: wait as Feishu says, refresh the token, or give up. */
import { describe, expect, it } from "vitest";
import {
  failureOfCode,
  failureOfThrown,
  retryHint,
} from "../../../../../../src/bot/adapters/feishu/client/feishu-errors.ts";
import { feishuDomain } from "../../../../../../src/bot/adapters/feishu/feishu-settings.ts";

describe("feishu failures", () => {
  it("honours x-ogw-ratelimit-reset and Retry-After", () => {
    expect(retryHint({ "x-ogw-ratelimit-reset": "2" })).toBe(2000);
    expect(retryHint({ "retry-after": "1" })).toBe(1000);
    expect(retryHint({ "retry-after": "soon" })).toBeUndefined();
    expect(retryHint(undefined)).toBeUndefined();
  });

  it("retries 429, 5xx and lost answers; refreshes on token codes; gives up on the rest", () => {
    expect(
      failureOfThrown({ response: { status: 429, headers: { "x-ogw-ratelimit-reset": "3" } } }),
    ).toMatchObject({
      kind: "retry",
      waitMs: 3000,
    });
    expect(failureOfThrown({ response: { status: 502, headers: {} } }).kind).toBe("retry");
    expect(failureOfThrown({ code: "ECONNABORTED", message: "timeout of 2000ms exceeded" }).kind).toBe(
      "retry",
    );
    expect(failureOfThrown({ response: { status: 400, data: { code: 99991663, msg: "token" } } }).kind).toBe(
      "token",
    );
    expect(
      failureOfThrown({ response: { status: 400, data: { code: 230002, msg: "bot not in chat" } } }),
    ).toMatchObject({
      kind: "fatal",
      code: 230002,
    });
    expect(failureOfCode(99991400, "too many").kind).toBe("retry");
    expect(failureOfCode(230001, "bad").kind).toBe("fatal");
  });

  it("picks the OpenAPI base: Feishu, Lark or a given URL", () => {
    expect(feishuDomain(undefined)).toBe("https://open.feishu.cn");
    expect(feishuDomain("lark")).toBe("https://open.larksuite.com");
    expect(feishuDomain("http://127.0.0.1:9999/")).toBe("http://127.0.0.1:9999");
  });
});
