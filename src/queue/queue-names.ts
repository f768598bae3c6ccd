/** Queue names. BullMQ's `prefix` separates deployments and tests on one Redis. */
export const JOBS_QUEUE = "jobs";
export const DEFAULT_PREFIX = "kuaibao";

/**
 * BullMQ job ids may not contain `:`, may not be all digits, and must not equal a word BullMQ uses
 * for its own keys (`meta`, `marker`, `wait` …): every id gets a `k-` in front.
 */
export function safeJobId(key: string): string {
  return `k-${key.replace(/:/g, "_")}`;
}

/** Inbound events of one platform waiting to be handled, e.g. `inbound-feishu`. */
export function inboundQueueName(platform: string): string {
  return `inbound-${platform}`;
}

/**
 * Sends to one platform, e.g. `outbound-feishu`. Each platform has its own queue and workers, so a
 * platform that paces its posts (WeChat waits seconds between them) or waits for rate-limit slots
 * never holds up the sends of another.
 */
export function outboundQueueName(sink: string): string {
  return `outbound-${sink}`;
}
