/**
 * The order of open incidents on the desk, most urgent first: the more severe grade (the policy
 * lists grades from the most severe), then the nearer next deadline (none last), then the one
 * reported earlier. Pure.
 */
export interface UrgencyKey {
  /** The grade's place in the policy's list (0 = most severe). */
  gradeIndex: number;
  nextDeadlineAt: Date | null;
  reportedAt: Date;
}

export function byUrgency(a: UrgencyKey, b: UrgencyKey): number {
  if (a.gradeIndex !== b.gradeIndex) return a.gradeIndex - b.gradeIndex;
  const dueA = a.nextDeadlineAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const dueB = b.nextDeadlineAt?.getTime() ?? Number.POSITIVE_INFINITY;
  if (dueA !== dueB) return dueA < dueB ? -1 : 1;
  return a.reportedAt.getTime() - b.reportedAt.getTime();
}
