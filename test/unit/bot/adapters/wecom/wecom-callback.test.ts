/**
 * The callback's checks, with ciphertexts made by WeCom's own `@wecom/crypto` as WeCom makes them:
 * URL verification answered, a signed message opened, and anything forged, unsigned, stale or for
 * another corp refused.
 */
import { readFileSync } from "node:fs";
import { encrypt, getSignature } from "@wecom/crypto";
import { describe, expect, it } from "vitest";
import {
  openCiphertext,
  openEnvelope,
} from "../../../../../src/bot/adapters/wecom/inbound/wecom-callback.ts";

const SECRETS = {
  token: "kuaibao-token",
  aesKey: "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
  corpId: "ww1234567890abcdef",
};
const NOW_MS = Date.UTC(2026, 2, 2, 6, 25);
const AGE = { nowMs: NOW_MS, maxAgeMs: 5 * 60_000 };
const fixture = (name: string) =>
  readFileSync(new URL(`../../../../fixtures/wecom/${name}`, import.meta.url), "utf8");

function signed(ciphertext: string, timestamp = String(Math.floor(NOW_MS / 1000)), nonce = "1372623149") {
  return { msg_signature: getSignature(SECRETS.token, timestamp, nonce, ciphertext), timestamp, nonce };
}

describe("WeCom callback checks", () => {
  it("answers URL verification with the decrypted echostr", () => {
    const echostr = encrypt(SECRETS.aesKey, "4815162342", SECRETS.corpId);
    expect(openCiphertext(SECRETS, signed(echostr), echostr, AGE)).toEqual({ ok: true, text: "4815162342" });
  });

  it("opens a signed envelope to the message inside", () => {
    const inner = fixture("text-message.xml");
    const ciphertext = encrypt(SECRETS.aesKey, inner, SECRETS.corpId);
    const body = fixture("envelope.xml").replace("ENCRYPT", ciphertext);
    expect(openEnvelope(SECRETS, signed(ciphertext), body, AGE)).toEqual({ ok: true, text: inner });
  });

  it("refuses a forged signature, an unsigned request, a stale one and another corp's", () => {
    const ciphertext = encrypt(SECRETS.aesKey, fixture("text-message.xml"), SECRETS.corpId);
    const body = fixture("envelope.xml").replace("ENCRYPT", ciphertext);
    const forged = { ...signed(ciphertext), msg_signature: getSignature("guessed", "1", "2", ciphertext) };
    expect(openEnvelope(SECRETS, forged, body, AGE)).toMatchObject({
      ok: false,
      status: 401,
      reason: "bad signature",
    });
    expect(openEnvelope(SECRETS, {}, body, AGE)).toMatchObject({
      ok: false,
      status: 401,
      reason: "unsigned",
    });
    const old = signed(ciphertext, String(Math.floor(NOW_MS / 1000) - 3600));
    expect(openEnvelope(SECRETS, old, body, AGE)).toMatchObject({ ok: false, reason: "stale" });
    const other = encrypt(SECRETS.aesKey, fixture("text-message.xml"), "wwother");
    const otherBody = fixture("envelope.xml").replace("ENCRYPT", other);
    expect(openEnvelope(SECRETS, signed(other), otherBody, AGE)).toMatchObject({
      ok: false,
      reason: "another corp",
    });
  });

  it("refuses a body that is no encrypted envelope, and a ciphertext of another key", () => {
    expect(openEnvelope(SECRETS, signed("x"), fixture("text-message.xml"), AGE)).toMatchObject({
      ok: false,
      status: 400,
    });
    const foreign = encrypt("ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut", "hello", SECRETS.corpId);
    const body = fixture("envelope.xml").replace("ENCRYPT", foreign);
    // Decrypting with the wrong key gives garbage or throws: refused either way, never opened.
    expect(openEnvelope(SECRETS, signed(foreign), body, AGE).ok).toBe(false);
  });
});
