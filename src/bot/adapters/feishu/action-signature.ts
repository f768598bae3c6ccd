/**
 * Button values carry a signature over the action and the message they were sent on, so a forged
 * or altered callback (a changed incident id, a value copied to another message) is refused.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

/** What a card button sends back: the neutral action, the message's idempotency key, a signature. */
export interface ButtonValue {
  a: string;
  k: string;
  s: string;
}

export function signAction(secret: string, action: string, key: string): ButtonValue {
  return { a: action, k: key, s: signature(secret, action, key) };
}

/** The action when the value is genuine, else undefined. */
export function verifyAction(secret: string, value: unknown): ButtonValue | undefined {
  const v = value as Partial<ButtonValue> | undefined;
  if (!v || typeof v.a !== "string" || typeof v.k !== "string" || typeof v.s !== "string") return undefined;
  const expected = Buffer.from(signature(secret, v.a, v.k));
  const given = Buffer.from(v.s);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  return { a: v.a, k: v.k, s: v.s };
}

function signature(secret: string, action: string, key: string): string {
  return createHmac("sha256", secret).update(`${action}\n${key}`).digest("hex").slice(0, 32);
}
