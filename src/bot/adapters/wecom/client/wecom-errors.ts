/**
 * Classifies what a WeCom call failed with: retry later (5xx, timeouts, 45009 over the frequency
 * limit, -1 busy), fetch a new token (40014, 42001, 41001), or give up (anything else: a user not
 * in the app's visible range, a group the app did not create, a bad request).
 */

/** Invalid, expired or missing access_token. */
const TOKEN_CODES = new Set([40014, 42001, 41001]);
/** Over a frequency limit: WeCom blocks the API for a minute (45009), or too many at once (45033). */
const RATE_CODES = new Set([45009, 45033, 45011]);
/** System busy. */
const BUSY_CODES = new Set([-1]);

/** WeCom blocks an API for 60 s once a per-minute limit is broken. */
export const RATE_BLOCK_MS = 60_000;

export type WecomFailure =
  | { kind: "retry"; waitMs?: number; reason: string }
  | { kind: "token"; reason: string }
  | { kind: "fatal"; code?: number; reason: string };

/** A call that failed (its code and message kept for the log and the duty officer). */
export class WecomApiError extends Error {
  override name = "WecomApiError";
  constructor(
    message: string,
    readonly failure: WecomFailure,
  ) {
    super(message);
  }
}

/** A business answer: HTTP 200 with `errcode` ≠ 0. */
export function failureOfCode(code: number, message: string): WecomFailure {
  const reason = `${code} ${message}`.trim();
  if (TOKEN_CODES.has(code)) return { kind: "token", reason };
  if (RATE_CODES.has(code)) return { kind: "retry", waitMs: RATE_BLOCK_MS, reason };
  if (BUSY_CODES.has(code)) return { kind: "retry", reason };
  return { kind: "fatal", code, reason };
}

/** An HTTP status other than 2xx. */
export function failureOfStatus(status: number, retryAfter: string | null): WecomFailure {
  if (status === 429 || status >= 500) {
    const seconds = retryAfter === null ? Number.NaN : Number(retryAfter);
    return {
      kind: "retry",
      ...(Number.isFinite(seconds) && seconds >= 0 ? { waitMs: seconds * 1000 } : {}),
      reason: `HTTP ${status}`,
    };
  }
  return { kind: "fatal", reason: `HTTP ${status}` };
}
