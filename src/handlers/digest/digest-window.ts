/**
 * What a digest covers: since the last scheduled digest, or the last 24 hours when there was none
 * (or it is more than a week old, e.g. after a long pause). Pure.
 */

export const DEFAULT_DIGEST_SPAN_MS = 24 * 3_600_000;
const LONGEST_SPAN_MS = 7 * DEFAULT_DIGEST_SPAN_MS;

export interface DigestWindow {
  from: Date;
  to: Date;
}

export function digestWindow(lastDigestAt: Date | null, now: Date): DigestWindow {
  const since = lastDigestAt?.getTime();
  const usable = since !== undefined && since < now.getTime() && now.getTime() - since <= LONGEST_SPAN_MS;
  return { from: new Date(usable ? since : now.getTime() - DEFAULT_DIGEST_SPAN_MS), to: now };
}
