// Bounded concurrency for many small transfers (a directory's files, a literal's uploads).

/**
 * Runs `fn` over `items` with at most `limit` running at once. On the first failure no new work starts, the
 * running calls are awaited (so nothing is still writing when we return), and the first error is thrown.
 */
export async function runPool<T>(
  items: AsyncIterable<T> | Iterable<T>,
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  const iterator =
    Symbol.asyncIterator in items
      ? (items as AsyncIterable<T>)[Symbol.asyncIterator]()
      : (items as Iterable<T>)[Symbol.iterator]();
  let failed: { error: unknown } | undefined;
  const worker = async () => {
    while (failed === undefined) {
      let next: IteratorResult<T>;
      try {
        next = await iterator.next();
      } catch (error) {
        failed ??= { error };
        return;
      }
      if (next.done) return;
      try {
        await fn(next.value);
      } catch (error) {
        failed ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, limit) }, worker));
  if (failed !== undefined) throw failed.error;
}
