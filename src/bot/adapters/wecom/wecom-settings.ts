/**
 * How the WeCom (企业微信 / 政务微信) adapter connects and paces itself; built from the environment
 * by `src/app/wecom-platform.ts`.
 *
 * WeCom's limits (developer docs, 访问频率限制): an app may send one member at most 30 messages a
 * minute (1000 an hour) — more are dropped without an error; group messages of all the corp's apps
 * count recipients, at most 20 000 a minute (a message to a 100-member group counts 100), and a
 * member receives at most 200 group messages a minute; any other API at most 10 000 calls a minute
 * per corp. A limit broken blocks the API for 60 s (errcode 45009).
 */

export interface WecomSettings {
  corpId: string;
  agentId: number;
  /** The self-built app's Secret. */
  secret: string;
  /** 接收消息 → Token and EncodingAESKey of the callback. */
  token: string;
  aesKey: string;
  /** Base URL of the API: https://qyapi.weixin.qq.com, a 政务微信 deployment's, or a test server. */
  baseUrl: string;
  /** Path of the callback on its server. */
  callbackPath: string;
  /** Messages a minute the app sends one person. */
  perPersonPerMinute: number;
  /** Group messages a minute the app posts in one group (each member receives each one). */
  perGroupPerMinute: number;
  /** Group messages a minute for the whole corp: recipients a minute ÷ the largest group's size. */
  groupSendsPerMinute: number;
  /** Other API calls a minute (contacts, card updates, tokens). */
  apiPerMinute: number;
  /** How long one API call may take before it counts as failed and is retried. */
  requestTimeoutMs: number;
  /** Tries of one call on 5xx/timeouts/busy answers before the send queue's own retry takes over. */
  callAttempts: number;
  /** First backoff; doubles each try. */
  backoffMs: number;
  /** Longest wait for a rate hint inside one call; a longer one goes back to the send queue. */
  maxInCallWaitMs: number;
  /** Longest callback age accepted (a replayed request is refused). */
  maxCallbackAgeMs: number;
  /** Longest inbound text handled; longer ones are refused politely. */
  maxInboundChars: number;
}

export const WECOM_BASE_URL = "https://qyapi.weixin.qq.com";

/** WeCom's recipients a minute for group messages, for the whole corp. */
export const WECOM_GROUP_RECIPIENTS_PER_MINUTE = 20_000;

export const WECOM_DEFAULTS = {
  baseUrl: WECOM_BASE_URL,
  callbackPath: "/wecom/callback",
  perPersonPerMinute: 30,
  perGroupPerMinute: 200,
  apiPerMinute: 10_000,
  requestTimeoutMs: 10_000,
  callAttempts: 4,
  backoffMs: 500,
  maxInCallWaitMs: 5_000,
  maxCallbackAgeMs: 5 * 60_000,
  maxInboundChars: 2000,
};

/** Group sends a minute that keep the corp's recipients a minute, with groups up to `largestGroup` people. */
export function groupSendsPerMinute(recipientsPerMinute: number, largestGroup: number): number {
  return Math.max(1, Math.floor(recipientsPerMinute / Math.max(1, largestGroup)));
}
