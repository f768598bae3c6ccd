import { describe, expect, it } from "vitest";
import { ROWS_PER_STATEMENT, rowBatches } from "../../../src/store/row-batches.ts";

describe("rows written in batches", () => {
  it("splits rows in order into batches of at most the size, the last one shorter", () => {
    const rows = Array.from({ length: 1_201 }, (_, i) => i);
    const batches = rowBatches(rows);
    expect(batches.map((b) => b.length)).toEqual([...Array(12).fill(ROWS_PER_STATEMENT), 1]);
    expect(batches.flat()).toEqual(rows);
    expect(rowBatches([1, 2, 3], 2)).toEqual([[1, 2], [3]]);
    expect(rowBatches([])).toEqual([]);
  });
});
