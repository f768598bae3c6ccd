/**
 * Webhook mode: every request must be encrypted with the app's encrypt key and signed
 * (sha256(timestamp + nonce + encryptKey + raw body) = X-Lark-Signature) within five minutes, and
 * carry the verification token. The URL challenge is answered; everything else goes to the
 * dispatcher, whose handlers queue the event and answer at once. If an event cannot be queued
 * (Redis down: the queue then waits for Redis rather than failing) within {@link QUEUE_DEADLINE_MS},
 * the answer is 500, so Feishu resends it; the resend is the same job (ids come from the event),
 * so the event is handled once even if the first try reaches Redis after all. The SDK checks signatures only over re-serialised
 * JSON and only with a key, so the check is done here, over the raw body.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import * as lark from "@larksuiteoapi/node-sdk";
import type { Logger } from "pino";
import type { HttpRequest, HttpResponse } from "../../../core/platform-adapter.ts";

export const MAX_SIGNATURE_AGE_MS = 5 * 60_000;
/** Feishu waits 3 s for the answer before it counts the request failed; we answer before that. */
export const QUEUE_DEADLINE_MS = 2_000;

export interface WebhookSecrets {
  encryptKey: string;
  verificationToken: string;
}

export function signBody(encryptKey: string, timestamp: string, nonce: string, rawBody: string): string {
  return createHash("sha256")
    .update(timestamp + nonce + encryptKey + rawBody)
    .digest("hex");
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const refuse = (status: number, reason: string): HttpResponse => ({ status, body: { error: reason } });

export function webhookHandler(options: {
  secrets: WebhookSecrets;
  dispatcher: Pick<lark.EventDispatcher, "invoke">;
  log: Logger;
  now: () => number;
  /** How long queueing may take before the answer is 500 ({@link QUEUE_DEADLINE_MS} unless a test says). */
  queueDeadlineMs?: number;
}): (request: HttpRequest) => Promise<HttpResponse> {
  const { secrets, log } = options;
  const cipher = new lark.AESCipher(secrets.encryptKey);
  return async (request) => {
    let outer: { encrypt?: unknown };
    try {
      outer = JSON.parse(request.rawBody) as { encrypt?: unknown };
    } catch {
      return refuse(400, "body is not JSON");
    }
    if (typeof outer.encrypt !== "string") return refuse(400, "body is not encrypted");
    let decrypted: unknown;
    try {
      decrypted = JSON.parse(cipher.decrypt(outer.encrypt));
    } catch {
      log.warn("feishu webhook body could not be decrypted");
      return refuse(400, "cannot decrypt");
    }
    // Anything but a JSON object (null, a number, a list) is no event: 400, not a TypeError's 500.
    if (typeof decrypted !== "object" || decrypted === null || Array.isArray(decrypted))
      return refuse(400, "body is not an event");
    const inner = decrypted as Record<string, unknown>;
    const header =
      typeof inner.header === "object" && inner.header !== null
        ? (inner.header as { token?: unknown; event_type?: unknown })
        : undefined;
    const token = typeof header?.token === "string" ? header.token : inner.token;
    if (typeof token !== "string" || !sameText(token, secrets.verificationToken)) {
      log.warn("feishu webhook with a wrong verification token refused");
      return refuse(401, "bad token");
    }
    if (inner.type === "url_verification") return { status: 200, body: { challenge: inner.challenge } };

    const timestamp = request.headers["x-lark-request-timestamp"];
    const nonce = request.headers["x-lark-request-nonce"];
    const signature = request.headers["x-lark-signature"];
    if (!timestamp || !nonce || !signature) return refuse(401, "unsigned");
    const ageMs = Math.abs(options.now() - Number(timestamp) * 1000);
    if (!Number.isFinite(ageMs) || ageMs > MAX_SIGNATURE_AGE_MS) return refuse(401, "stale");
    if (!sameText(signBody(secrets.encryptKey, timestamp, nonce, request.rawBody), signature)) {
      log.warn("feishu webhook with a wrong signature refused");
      return refuse(401, "bad signature");
    }
    try {
      const answer = await withDeadline(
        options.dispatcher.invoke(inner, { needCheck: false }),
        options.queueDeadlineMs ?? QUEUE_DEADLINE_MS,
      );
      return { status: 200, body: typeof answer === "object" && answer !== null ? answer : {} };
    } catch (error) {
      log.error({ err: error, type: header?.event_type }, "feishu webhook event not queued");
      return { status: 500, body: { error: "not queued" } };
    }
  };
}

/** The promise's outcome, or a rejection once `ms` have passed (the promise itself goes on). */
async function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not done within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
