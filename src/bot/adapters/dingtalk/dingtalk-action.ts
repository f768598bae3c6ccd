/**
 * A card button's value: the neutral action and the idempotency key of the message it was sent on,
 * signed with the app secret, so a forged or altered callback (another incident id, a value copied
 * to another card) is refused. DingTalk card parameters are strings, so the value travels as a JSON
 * string `{"a": action, "k": key, "s": signature}`.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export interface VerifiedAction {
  action: string;
  messageKey: string;
}

export function signButton(secret: string, action: string, messageKey: string): string {
  return JSON.stringify({ a: action, k: messageKey, s: signature(secret, action, messageKey) });
}

/** The action when the value is genuine, else undefined. */
export function verifyButton(secret: string, value: unknown): VerifiedAction | undefined {
  if (typeof value !== "string") return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  const v = parsed as { a?: unknown; k?: unknown; s?: unknown } | null;
  if (!v || typeof v.a !== "string" || typeof v.k !== "string" || typeof v.s !== "string") return undefined;
  const expected = Buffer.from(signature(secret, v.a, v.k));
  const received = Buffer.from(v.s);
  if (expected.length !== received.length || !timingSafeEqual(expected, received)) return undefined;
  return { action: v.a, messageKey: v.k };
}

function signature(secret: string, action: string, messageKey: string): string {
  return createHmac("sha256", secret).update(`${action}\n${messageKey}`).digest("hex").slice(0, 32);
}
