/**
 * Reading a timeline row's `detail` (JSON written by whoever recorded the step) for its line: an
 * object or nothing, a non-empty text under one of some keys, an instant. Pure and forgiving: an
 * older row without a key just reads less.
 */

export type Detail = Record<string, unknown>;

export function detailOf(row: { detail: unknown }): Detail {
  return row.detail && typeof row.detail === "object" && !Array.isArray(row.detail)
    ? (row.detail as Detail)
    : {};
}

/** The first of `keys` holding a non-empty text. */
export function detailText(detail: Detail, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = detail[key];
    if (typeof value === "string" && value.trim()) return value;
  }
  return undefined;
}

/** An ISO text or a Date as an instant; undefined when it is neither. */
export function detailInstant(value: unknown): Date | undefined {
  if (typeof value !== "string" && !(value instanceof Date)) return undefined;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? undefined : at;
}
