// Runs a task per item with at most `limit` in flight, keeping results in item order. The first
// failure aborts the tasks still running and starts no more; the caller's signal does the same.
export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, signal: AbortSignal) => Promise<R>,
  signal?: AbortSignal,
): Promise<R[]> {
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal?.reason);
  if (signal?.aborted) onAbort();
  signal?.addEventListener("abort", onAbort, { once: true });
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      controller.signal.throwIfAborted();
      const index = next++;
      results[index] = await task(items[index] as T, controller.signal);
    }
  };
  try {
    const workers = Array.from({ length: Math.min(limit, items.length) }, () =>
      worker().catch((error: unknown) => {
        controller.abort(error);
        throw error;
      }),
    );
    await Promise.all(workers);
    return results;
  } finally {
    signal?.removeEventListener("abort", onAbort);
  }
}
