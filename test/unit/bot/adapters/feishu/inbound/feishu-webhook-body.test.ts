/**
 * The webhook with a body that decrypts to something that is not an event (null, a list, a number,
 * an event whose header is null): 400, never a TypeError's 500. The dispatcher is never reached.
 */
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { webhookHandler } from "../../../../../../src/bot/adapters/feishu/inbound/feishu-webhook.ts";
import { signedRequest } from "../../../../../support/fake-feishu/feishu-payloads.ts";

const ENCRYPT_KEY = "unit-encrypt-key";
const TOKEN = "unit-token";

function handler() {
  const invoked: unknown[] = [];
  const handle = webhookHandler({
    secrets: { encryptKey: ENCRYPT_KEY, verificationToken: TOKEN },
    dispatcher: {
      invoke: async (data: unknown) => {
        invoked.push(data);
        return {};
      },
    },
    log: pino({ level: "silent" }),
    now: () => Date.now(),
  });
  return { handle, invoked };
}

describe("webhook bodies that are no event", () => {
  it.each([
    ["null", null],
    ["a list", [1, 2]],
    ["a number", 42],
    ["a string", "event"],
  ])("answers 400 to a body that decrypts to %s", async (_name, payload) => {
    const { handle, invoked } = handler();
    const request = signedRequest(ENCRYPT_KEY, payload);
    const answer = await handle({ rawBody: request.body, headers: request.headers, query: {} });
    expect(answer.status).toBe(400);
    expect(invoked).toEqual([]);
  });

  it("answers 401 to an event whose header is null (no token), not 500", async () => {
    const { handle, invoked } = handler();
    const request = signedRequest(ENCRYPT_KEY, { schema: "2.0", header: null, event: {} });
    const answer = await handle({ rawBody: request.body, headers: request.headers, query: {} });
    expect(answer.status).toBe(401);
    expect(invoked).toEqual([]);
  });
});
