// A single-consumer async queue: values pushed from message handlers, taken with `for await`. Ending it with an
// error rejects the consumer's next read, so a failure anywhere in a pipeline reaches whoever is iterating.
export class Channel<T> implements AsyncIterable<T> {
  private readonly items: T[] = [];
  private ended = false;
  private error: unknown;
  private wake: (() => void) | undefined;

  constructor(private readonly onTake: (item: T) => void = () => undefined) {}

  push(item: T): void {
    this.items.push(item);
    this.signal();
  }

  end(error?: unknown): void {
    if (this.ended) return;
    this.ended = true;
    this.error = error;
    this.signal();
  }

  get size(): number {
    return this.items.length;
  }

  private signal(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for (;;) {
      const item = this.items.shift();
      if (item !== undefined) {
        this.onTake(item);
        yield item;
        continue;
      }
      if (this.ended) {
        if (this.error !== undefined) throw this.error;
        return;
      }
      await new Promise<void>((r) => {
        this.wake = r;
      });
    }
  }
}
