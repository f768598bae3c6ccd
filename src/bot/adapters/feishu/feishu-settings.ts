/** How the Feishu adapter connects and paces itself; built from the environment by `src/app/platforms.ts`. */

export type FeishuMode = "ws" | "webhook";

/** An urgent channel: in-app (free), SMS and phone (spend the tenant's quota). */
export type { UrgentChannel } from "../../core/message.ts";

export interface FeishuSettings {
  appId: string;
  appSecret: string;
  /** Base URL of the OpenAPI: https://open.feishu.cn, https://open.larksuite.com or a test server. */
  domain: string;
  mode: FeishuMode;
  /** Webhook mode: both required; every request is signed and may be encrypted with the key. */
  encryptKey?: string;
  verificationToken?: string;
  /** Path of the webhook on the app's HTTP server. */
  webhookPath: string;
  /** Sends per second per chat and per person (Feishu: 5). */
  perChatPerSecond: number;
  /** Sends per second for the whole app (Feishu's message API: 50). */
  appPerSecond: number;
  /** How long one OpenAPI call may take before it counts as failed and is retried. */
  requestTimeoutMs: number;
  /** Attempts of one call on 429/5xx/timeouts before the send queue's own retry takes over. */
  callAttempts: number;
  /** First backoff when Feishu gives no hint; doubles each attempt. */
  backoffMs: number;
  /** Lease time of the long-connection holder; a standby takes over within about this long. */
  holderLeaseMs: number;
  /** How often read receipts are polled (0: never). */
  readPollMs: number;
  /** Longest inbound text handled; longer ones are refused politely. */
  maxInboundChars: number;
}

export const FEISHU_DOMAINS: Record<string, string> = {
  feishu: "https://open.feishu.cn",
  lark: "https://open.larksuite.com",
};

export const FEISHU_DEFAULTS = {
  mode: "ws" as FeishuMode,
  webhookPath: "/feishu/events",
  perChatPerSecond: 5,
  appPerSecond: 50,
  requestTimeoutMs: 10_000,
  callAttempts: 4,
  backoffMs: 500,
  holderLeaseMs: 10_000,
  readPollMs: 60_000,
  maxInboundChars: 2000,
};

/** `feishu`, `lark` or a base URL. */
export function feishuDomain(value: string | undefined): string {
  if (!value) return FEISHU_DOMAINS.feishu as string;
  return FEISHU_DOMAINS[value.toLowerCase()] ?? value.replace(/\/+$/, "");
}
