/** How the DingTalk adapter connects and paces itself; built from the environment by `src/app/dingtalk-platform.ts`. */

export interface DingtalkSettings {
  /** The app's Client ID (AppKey) and Client Secret (AppSecret). */
  clientId: string;
  clientSecret: string;
  /** The robot's code (开发者后台 → 机器人); every robot call names it. */
  robotCode: string;
  /** Base URL of the new OpenAPI and the Stream gateway: https://api.dingtalk.com or a 政务钉钉 deployment's. */
  baseUrl: string;
  /** Base URL of the old OpenAPI (contacts by phone): https://oapi.dingtalk.com or the deployment's. */
  oapiUrl: string;
  /**
   * The interactive card template (卡片平台) that draws our cards: variables `title`, `markdown`,
   * `buttons` (a JSON list of {label, value, primary}), each button a 回传请求 with params `{ value }`.
   * Without it, cards go as markdown with what to type instead of pressing.
   */
  cardTemplateId?: string;
  /** Calls per second for the whole app (DingTalk: 20 per API by default). */
  appPerSecond: number;
  /** Messages per minute into one group or to one person. */
  chatPerMinute: number;
  /** How long one OpenAPI call may take before it counts as failed and is retried. */
  requestTimeoutMs: number;
  /** Attempts of one call on 429/5xx/throttling/timeouts before the send queue's own retry takes over. */
  callAttempts: number;
  /** First backoff when DingTalk gives no hint; doubles each attempt. */
  backoffMs: number;
  /** How often read status of alerts is polled (0: never). */
  readPollMs: number;
  /** Longest inbound text handled; longer ones are refused politely. */
  maxInboundChars: number;
}

export const DINGTALK_DEFAULTS = {
  baseUrl: "https://api.dingtalk.com",
  oapiUrl: "https://oapi.dingtalk.com",
  appPerSecond: 20,
  chatPerMinute: 20,
  requestTimeoutMs: 10_000,
  callAttempts: 4,
  backoffMs: 500,
  readPollMs: 60_000,
  maxInboundChars: 2000,
};

/** A base URL without its trailing slashes. */
export function trimBase(url: string): string {
  return url.replace(/\/+$/, "");
}
