/**
 * Classifies a DingTalk answer: fine, retry later (429, 5xx, QPS throttling, no answer), refresh the
 * token (invalid or expired), or give up (the robot is not in the group, a bad request).
 *
 * The new OpenAPI (api.dingtalk.com/v1.0) answers errors with an HTTP status and `{code, message}`:
 * `InvalidAuthentication` (401/400) for a bad token, `Forbidden.AccessDenied.QpsLimitForApi` and
 * friends (403/429) when throttled. The old one (oapi.dingtalk.com) answers HTTP 200 with
 * `{errcode, errmsg}`: 40014/42001 token, 88/90002/90018/90006 throttled.
 */
import type { JsonAnswer } from "./dingtalk-http.ts";

const OLD_TOKEN_CODES = new Set([40001, 40014, 42001]);
const OLD_RATE_CODES = new Set([88, 90002, 90006, 90018, 90019]);

export type DingtalkFailure =
  | { kind: "retry"; waitMs?: number; reason: string }
  | { kind: "token"; reason: string }
  | { kind: "fatal"; code?: string; reason: string };

/** An OpenAPI call that failed for good (its code and message kept for the log and the duty notice). */
export class DingtalkApiError extends Error {
  override name = "DingtalkApiError";
  constructor(
    message: string,
    readonly failure: DingtalkFailure,
  ) {
    super(message);
  }
}

/** undefined when the answer is a success. */
export function failureOfAnswer(answer: JsonAnswer): DingtalkFailure | undefined {
  const body = (answer.data ?? {}) as {
    code?: unknown;
    message?: unknown;
    errcode?: unknown;
    errmsg?: unknown;
  };
  const code = typeof body.code === "string" ? body.code : undefined;
  const message = typeof body.message === "string" ? body.message : "";
  const { status } = answer;
  if (status >= 200 && status < 300) {
    const errcode = typeof body.errcode === "number" ? body.errcode : 0;
    if (errcode === 0) return undefined;
    const reason = `${errcode} ${typeof body.errmsg === "string" ? body.errmsg : ""}`.trim();
    if (OLD_TOKEN_CODES.has(errcode)) return { kind: "token", reason };
    if (OLD_RATE_CODES.has(errcode)) return { kind: "retry", reason };
    return { kind: "fatal", code: String(errcode), reason };
  }
  const reason = `HTTP ${status}${code ? ` ${code}` : ""}${message ? ` ${message}` : ""}`;
  if (code === "InvalidAuthentication" || code?.startsWith("InvalidAccessToken") || status === 401)
    return { kind: "token", reason };
  if (status === 429 || status >= 500 || code?.includes("QpsLimit") || code?.includes("Throttling"))
    return { kind: "retry", waitMs: retryHint(answer.headers), reason };
  return { kind: "fatal", code, reason };
}

/** A standard `Retry-After` (seconds), in ms. */
export function retryHint(headers: Record<string, unknown>): number | undefined {
  const value = headers["retry-after"];
  if (value === undefined) return undefined;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/** Old-API code for "the app has no permission for this call". */
const OLD_NO_PERMISSION = 60011;

/**
 * The permissions DingTalk says a call lacks, or undefined when it was not refused for want of one:
 * the new OpenAPI answers 403 `Forbidden.AccessDenied.AccessTokenPermissionDenied` with
 * `accessdenieddetail.requiredScopes`; the old one errcode 60011 (naming none).
 */
export function deniedScopes(answer: JsonAnswer): string[] | undefined {
  const body = (answer.data ?? {}) as {
    code?: unknown;
    errcode?: unknown;
    accessdenieddetail?: { requiredScopes?: unknown };
  };
  if (body.errcode === OLD_NO_PERMISSION) return [];
  if (answer.status !== 403 || typeof body.code !== "string" || !body.code.includes("PermissionDenied"))
    return undefined;
  const scopes = body.accessdenieddetail?.requiredScopes;
  return Array.isArray(scopes) ? scopes.filter((s): s is string => typeof s === "string") : [];
}
