import { errorFromData } from '../../model/errors';
import type { EngineKind, FromEngine, MessageEnd, ParamsOf, ProgressOf, ResultOf, ToEngine } from './protocol';

export interface CallOptions<P = unknown> {
  signal?: AbortSignal;
  onProgress?: (progress: P) => void;
}

interface Pending {
  resolve(result: unknown): void;
  reject(error: unknown): void;
  onProgress?: (progress: unknown) => void;
}

/** The main thread's side of the engine worker: `call(kind, params)` → a promise of the result. */
export interface EngineClient {
  /** The worker's result, or its error as the same AllotError (family, code, params, location) it threw. */
  call<K extends EngineKind>(kind: K, params: ParamsOf<K>, options?: CallOptions<ProgressOf<K>>): Promise<ResultOf<K>>;
  dispose(): void;
}

export function createEngineClient(end: MessageEnd & { terminate?: () => void }): EngineClient {
  const pending = new Map<number, Pending>();
  let nextId = 1;
  const listener = (event: MessageEvent<FromEngine>) => {
    const message = event.data;
    const entry = pending.get(message.id);
    if (!entry) return;
    if (message.type === 'progress') return entry.onProgress?.(message.progress);
    pending.delete(message.id);
    if (message.type === 'result') entry.resolve(message.result);
    else entry.reject(message.cancelled ? abortError() : errorFromData(message.error));
  };
  end.addEventListener('message', listener);
  return {
    call(kind, params, options = {}) {
      const { signal, onProgress } = options;
      if (signal?.aborted) return Promise.reject(abortError());
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const onAbort = () => {
          // Settle now; the worker's late answer for this id finds no entry and is dropped.
          pending.delete(id);
          end.postMessage({ type: 'cancel', id } satisfies ToEngine);
          reject(abortError());
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        const done = () => signal?.removeEventListener('abort', onAbort);
        pending.set(id, {
          resolve: (result) => (done(), resolve(result as ResultOf<typeof kind>)),
          reject: (error) => (done(), reject(error)),
          ...(onProgress ? { onProgress: onProgress as (progress: unknown) => void } : {}),
        });
        end.postMessage({ type: 'call', id, kind, params } as ToEngine);
      });
    },
    dispose() {
      end.removeEventListener('message', listener);
      for (const entry of pending.values()) entry.reject(abortError());
      pending.clear();
      end.terminate?.();
    },
  };
}

function abortError(): DOMException {
  return new DOMException('The engine call was cancelled.', 'AbortError');
}

/** True for the rejection of a call its caller cancelled: nothing to show the user. */
export function isCancelled(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
