/**
 * Whether an acknowledged incident is still waiting for anything to happen: no 续报 and no 批示 at
 * or after the 已阅. "At" counts: a 批示 given in the same second as the 已阅 (or a 续报 filed in it)
 * came after the reading, not before it — one clock tick holds both. The first report does not
 * count as a 续报 (`followUpCount` 0 keeps `lastReportAt` at the first report's time).
 */
export function quietSinceAcknowledged(
  incident: { followUpCount: number; lastReportAt: Date },
  acknowledgedAt: Date,
  instructedAt: readonly Date[],
): boolean {
  const since = (at: Date) => at.getTime() >= acknowledgedAt.getTime();
  if (incident.followUpCount > 0 && since(incident.lastReportAt)) return false;
  return !instructedAt.some(since);
}
