/**
 * The items of `source`, fetched ahead of the consumer: while the consumer works on one item (a
 * sync writes a page to the database), the source keeps producing the next ones (the provider is
 * asked for the following page), up to `capacity` waiting. The source is pulled one item at a time,
 * as before; it only no longer waits for the consumer.
 *
 * Items come in the source's order; a source's error reaches the consumer after every item produced
 * before it. When the consumer stops early (it threw, or broke out of its loop), the source is
 * pulled no further and is closed.
 */
export async function* prefetch<T>(source: AsyncIterable<T>, capacity: number): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  const buffered: T[] = [];
  let finished = false;
  let failure: { error: unknown } | undefined;
  let stopped = false;
  // Whoever waits (the consumer for an item, the producer for room) is woken through this.
  let wake: (() => void) | undefined;
  const signal = () => {
    const waiting = wake;
    wake = undefined;
    waiting?.();
  };
  const waitForSignal = () => new Promise<void>((resolve) => (wake = resolve));

  const produce = async () => {
    try {
      while (!stopped) {
        if (buffered.length >= capacity) {
          await waitForSignal();
          continue;
        }
        const next = await iterator.next();
        if (next.done) break;
        buffered.push(next.value);
        signal();
      }
    } catch (error) {
      failure = { error };
    } finally {
      finished = true;
      signal();
    }
  };
  const producing = produce();

  try {
    for (;;) {
      if (buffered.length > 0) {
        const item = buffered.shift()!;
        // Room again: a producer waiting for it goes on.
        signal();
        yield item;
      } else if (finished) {
        if (failure) throw failure.error;
        return;
      } else {
        await waitForSignal();
      }
    }
  } finally {
    stopped = true;
    signal();
    await producing;
    // A source that failed is closed already; one that ended or was left early is closed here.
    if (!failure) await iterator.return?.();
  }
}
