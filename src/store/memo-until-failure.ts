/**
 * A promise made once and kept, unless it fails: then the next call tries again. For values that are
 * slow to make and the same every time (a PGlite data-directory dump).
 */
export function memoUntilFailure<T>(make: () => Promise<T>): () => Promise<T> {
  let kept: Promise<T> | undefined;
  return () => {
    kept ??= make().catch((error: unknown) => {
      kept = undefined;
      throw error;
    });
    return kept;
  };
}
