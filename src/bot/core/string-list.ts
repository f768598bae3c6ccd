/**
 * A list of ids kept in a JSON column (who a message reached, who read it, who an entry names),
 * read back as strings: anything else there (an older shape, a hand edit) counts as nothing.
 */
export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}
