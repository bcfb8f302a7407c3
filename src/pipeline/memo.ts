/**
 * A cache of artifacts by the inputs each depends on: the same key gives the same promise, so two
 * steps asking for the estimates of one scenario share one fit. A failed artifact is forgotten
 * (the next ask tries again); the oldest entries go past `size`.
 */
export class Memo<T> {
  readonly #entries = new Map<string, Promise<T>>();

  constructor(private readonly size = 8) {}

  get(key: string, make: () => Promise<T>): Promise<T> {
    const cached = this.#entries.get(key);
    if (cached) {
      // Most recently used last, so eviction takes the least recently used.
      this.#entries.delete(key);
      this.#entries.set(key, cached);
      return cached;
    }
    const value = make();
    this.#entries.set(key, value);
    value.catch(() => {
      if (this.#entries.get(key) === value) this.#entries.delete(key);
    });
    while (this.#entries.size > this.size) this.#entries.delete(this.#entries.keys().next().value!);
    return value;
  }

  /** A finished artifact under `key`, without making one. */
  peek(key: string): Promise<T> | undefined {
    return this.#entries.get(key);
  }

  set(key: string, value: T): void {
    this.#entries.set(key, Promise.resolve(value));
    while (this.#entries.size > this.size) this.#entries.delete(this.#entries.keys().next().value!);
  }
}

/** A stable key from plain JSON-able parts. */
export function keyOf(...parts: unknown[]): string {
  return JSON.stringify(parts);
}

/** `work`, or an AbortError as soon as `signal` aborts: a shared artifact goes on for its other callers. */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
