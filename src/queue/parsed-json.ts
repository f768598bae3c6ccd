/** A JSON value kept in Redis, read through its schema: null when absent or not of that shape. */
import type { z } from "zod";

export function parsedJson<T>(raw: string | null, schema: z.ZodType<T>): T | null {
  if (raw === null) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
