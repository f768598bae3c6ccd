/**
 * The app's callback URL, checked and opened with WeCom's official crypto package `@wecom/crypto`
 * (never our own copy of the cipher). URL verification (GET with msg_signature, timestamp, nonce,
 * echostr) is answered with the decrypted echostr; a message (POST of an XML envelope whose
 * `Encrypt` holds the message) must be signed — sha1 of the sorted token, timestamp, nonce and
 * ciphertext equal to msg_signature — be at most `maxAgeMs` old, and decrypt to our corp id.
 * Anything else is refused with 4xx and never reaches the queue.
 */
import { timingSafeEqual } from "node:crypto";
import { decrypt, getSignature } from "@wecom/crypto";
import { readXml } from "./wecom-xml.ts";

export interface CallbackSecrets {
  token: string;
  aesKey: string;
  corpId: string;
}

export type Opened = { ok: true; text: string } | { ok: false; status: number; reason: string };

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Checks the signature and age of a ciphertext and decrypts it to the text our corp sent. */
export function openCiphertext(
  secrets: CallbackSecrets,
  query: Record<string, string | undefined>,
  ciphertext: string,
  options: { nowMs: number; maxAgeMs: number },
): Opened {
  const { msg_signature: signature, timestamp, nonce } = query;
  if (!signature || !timestamp || !nonce) return { ok: false, status: 401, reason: "unsigned" };
  if (!sameText(getSignature(secrets.token, timestamp, nonce, ciphertext), signature))
    return { ok: false, status: 401, reason: "bad signature" };
  const ageMs = Math.abs(options.nowMs - Number(timestamp) * 1000);
  if (!Number.isFinite(ageMs) || ageMs > options.maxAgeMs) return { ok: false, status: 401, reason: "stale" };
  let opened: { message: string; id: string };
  try {
    opened = decrypt(secrets.aesKey, ciphertext);
  } catch {
    return { ok: false, status: 400, reason: "cannot decrypt" };
  }
  if (opened.id !== secrets.corpId) return { ok: false, status: 401, reason: "another corp" };
  return { ok: true, text: opened.message };
}

/** The inner message XML of a POSTed envelope, once checked and decrypted. */
export function openEnvelope(
  secrets: CallbackSecrets,
  query: Record<string, string | undefined>,
  rawBody: string,
  options: { nowMs: number; maxAgeMs: number },
): Opened {
  const envelope = readXml(rawBody);
  const ciphertext = envelope?.Encrypt;
  if (typeof ciphertext !== "string" || ciphertext === "")
    return { ok: false, status: 400, reason: "not an encrypted envelope" };
  return openCiphertext(secrets, query, ciphertext, options);
}
