/**
 * Rows written in batches of a bounded size (issue 13). Prisma's query compiler is WebAssembly: its
 * memory grows to fit the largest query it has ever compiled and never shrinks, so one `createMany` of
 * 7,000 rows left 51 MiB resident for the life of the process. Prisma also keeps its last 100 query
 * plans for error reports, a plan holding every row's values. The zero-report cut-off for 10,000 units
 * peaked at 300 MiB writing its 3,000 rows at once, 262 MiB in batches of 500, 211 MiB in batches of
 * 100 (PostgreSQL), and was faster each time.
 */
export const ROWS_PER_STATEMENT = 100;

export function rowBatches<T>(rows: readonly T[], size = ROWS_PER_STATEMENT): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < rows.length; start += size) batches.push(rows.slice(start, start + size));
  return batches;
}
