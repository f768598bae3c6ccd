/**
 * Our SDK client's timeout is ours only: a Feishu call that gets no answer gives up after
 * `requestTimeoutMs` and is retried, while the SDK's shared HTTP instance (used by any other SDK
 * client in the process) keeps its own settings.
 */
import * as lark from "@larksuiteoapi/node-sdk";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FeishuApi } from "../../../../../src/bot/adapters/feishu/client/feishu-api.ts";
import { FeishuApiError } from "../../../../../src/bot/adapters/feishu/client/feishu-errors.ts";
import { silentLog } from "../../../../support/app.ts";
import { FakeFeishuServer } from "../../../../support/fake-feishu/fake-feishu-server.ts";
import { testSettings } from "../../../../support/fake-feishu/feishu-test-app.ts";

const SEND = /^\/open-apis\/im\/v1\/messages$/;

describe("feishu api timeout", () => {
  let fake: FakeFeishuServer;
  let api: FeishuApi;
  const message = {
    receiveIdType: "chat_id" as const,
    receiveId: "oc_timeout",
    msgType: "text" as const,
    content: JSON.stringify({ text: "测试" }),
    uuid: "timeout-test",
  };

  beforeEach(async () => {
    fake = new FakeFeishuServer();
    await fake.start();
    api = new FeishuApi(
      testSettings(fake, { requestTimeoutMs: 300, callAttempts: 2, backoffMs: 10 }),
      silentLog,
    );
  });

  afterEach(async () => {
    await fake.close();
  });

  it("gives up on a call with no answer and retries it", async () => {
    fake.fail({ method: "POST", path: SEND, times: 1, kind: "timeout" });
    const messageId = await api.send(message);
    expect(fake.messages.map((m) => m.messageId)).toEqual([messageId]);
    expect(fake.callsTo(SEND, "POST").map((c) => c.status)).toEqual([0, 200]);
  });

  it("fails as retryable when no try is answered", async () => {
    fake.fail({ method: "POST", path: SEND, times: 2, kind: "timeout" });
    const failed = await api.send(message).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(FeishuApiError);
    expect((failed as FeishuApiError).failure.kind).toBe("retry");
    expect(fake.callsTo(SEND, "POST").map((c) => c.status)).toEqual([0, 0]);
  });

  it("leaves the SDK's shared HTTP instance without a timeout", () => {
    expect(lark.defaultHttpInstance.defaults.timeout ?? 0).toBe(0);
  });
});
