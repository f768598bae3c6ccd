/** Queue names. BullMQ's `prefix` separates deployments and tests on one Redis. */
export const JOBS_QUEUE = "jobs";
export const OUTBOUND_QUEUE = "outbound";
export const DEFAULT_PREFIX = "kuaibao";

/** BullMQ job ids may not contain `:` and may not be all digits. */
export function safeJobId(key: string): string {
  const cleaned = key.replace(/:/g, "_");
  return /^\d+$/.test(cleaned) ? `k${cleaned}` : cleaned;
}
