/** Rates as offices write them: `66.7%`, one decimal at most; `—` where there was nothing to count. */

/** A 0–1 ratio as a percentage with at most one decimal, or null. */
export function percent(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 1000) / 10;
}

export function formatRate(rate: number | null): string {
  const value = percent(rate);
  return value === null ? "—" : `${value}%`;
}
