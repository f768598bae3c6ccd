/**
 * Classifies what a Feishu call failed with: retry later (429 with its hint, 5xx, timeouts),
 * refresh the token, or give up (the chat does not have the bot, a bad request).
 */

/** Feishu's codes for an invalid or expired tenant token. */
const TOKEN_CODES = new Set([99991661, 99991663, 99991668, 99991677]);
/** Feishu's business codes that mean "too many requests". */
const RATE_CODES = new Set([99991400, 11232, 230020]);

export type FeishuFailure =
  | { kind: "retry"; waitMs?: number; reason: string }
  | { kind: "token"; reason: string }
  | { kind: "fatal"; code?: number; reason: string };

/** An OpenAPI call that failed for good (its code and message kept for the log and the duty notice). */
export class FeishuApiError extends Error {
  override name = "FeishuApiError";
  constructor(
    message: string,
    readonly failure: FeishuFailure,
  ) {
    super(message);
  }
}

interface ErrorLike {
  code?: string;
  message?: string;
  response?: { status?: number; headers?: Record<string, unknown>; data?: unknown };
}

/** A business answer: HTTP 200 with `code` ≠ 0. */
export function failureOfCode(code: number, msg: string): FeishuFailure {
  if (TOKEN_CODES.has(code)) return { kind: "token", reason: `${code} ${msg}` };
  if (RATE_CODES.has(code)) return { kind: "retry", reason: `${code} ${msg}` };
  return { kind: "fatal", code, reason: `${code} ${msg}` };
}

/** A thrown error from the SDK's HTTP client (axios): status, headers and body, or a timeout. */
export function failureOfThrown(error: unknown): FeishuFailure {
  const e = error as ErrorLike;
  const status = e.response?.status;
  if (status === undefined) return { kind: "retry", reason: e.code ?? e.message ?? String(error) };
  const data = e.response?.data as { code?: number; msg?: string } | undefined;
  if (typeof data?.code === "number" && TOKEN_CODES.has(data.code))
    return { kind: "token", reason: `${data.code} ${data.msg ?? ""}` };
  if (status === 429 || status >= 500)
    return { kind: "retry", waitMs: retryHint(e.response?.headers), reason: `HTTP ${status}` };
  return {
    kind: "fatal",
    code: data?.code,
    reason: `HTTP ${status}${data?.code ? ` ${data.code} ${data.msg ?? ""}` : ""}`,
  };
}

/** Feishu's `x-ogw-ratelimit-reset` (seconds) or a standard `Retry-After`, in ms. */
export function retryHint(headers: Record<string, unknown> | undefined): number | undefined {
  if (!headers) return undefined;
  const header = (name: string) => {
    const value = headers[name] ?? headers[name.toLowerCase()];
    return value === undefined ? undefined : Number(value);
  };
  const seconds = header("x-ogw-ratelimit-reset") ?? header("retry-after");
  return seconds !== undefined && Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}
