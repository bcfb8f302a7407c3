import type { BatchRunner } from '../../simulate/compare';
import type { ReplicationBatch } from '../../simulate/replicate';
import { mergeBatches } from '../../simulate/summarize';

type WorkerMessage = { done: number } | { batch: ReplicationBatch } | { error: string };

/** Starts one simulation worker, bundled by Vite from our own origin. */
export function startSimulateWorker(): Worker {
  return new Worker(new URL('./simulate.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * The browser's twin of the CLI's `nodeWorkerPool`: replications dealt round robin over Web
 * Workers, progress summed over them, and the batches merged in replication order, so the numbers
 * are the CLI's for the same scenario and seed whatever the number of workers.
 *
 * The workers outlive a run: a what-if is a few hundred milliseconds of work, and a fresh worker
 * would spend much of that loading its module and running the hot loop unoptimised again. An
 * abort or a failure terminates the run's workers at once (a replication cannot be interrupted
 * from outside); the next run starts new ones.
 */
export function webWorkerPool(threads = defaultThreads(), spawn: () => Worker = startSimulateWorker): BatchRunner {
  const idle: Worker[] = [];
  return async (input, replications, control) => {
    const { signal } = control;
    signal?.throwIfAborted();
    const n = Math.max(1, Math.min(threads, replications.length));
    const shares = Array.from({ length: n }, (_, w) => replications.filter((_, i) => i % n === w));
    const done = new Array<number>(n).fill(0);
    const workers = shares.map(() => idle.pop() ?? spawn());
    const detach: Array<() => void> = [];
    let finished = false;
    let abort = () => {};
    const aborted = new Promise<never>((_, reject) => {
      abort = () => reject(new DOMException('The simulation was cancelled.', 'AbortError'));
      signal?.addEventListener('abort', abort, { once: true });
    });
    try {
      const batches = shares.map((share, w) => new Promise<ReplicationBatch>((resolve, reject) => {
        const worker = workers[w]!;
        const onMessage = (event: MessageEvent<WorkerMessage>) => {
          const message = event.data;
          if ('done' in message) {
            done[w] = message.done;
            control.onProgress?.(done.reduce((a, b) => a + b, 0), replications.length);
          } else if ('batch' in message) resolve(message.batch);
          else reject(new Error(`simulation worker ${w + 1}: ${message.error}`));
        };
        const onError = (event: ErrorEvent) => reject(new Error(`simulation worker ${w + 1}: ${event.message || 'failed to start'}`));
        worker.addEventListener('message', onMessage);
        worker.addEventListener('error', onError);
        detach.push(() => {
          worker.removeEventListener('message', onMessage);
          worker.removeEventListener('error', onError);
        });
        worker.postMessage({ input, replications: share });
      }));
      const all = await Promise.race([Promise.all(batches), aborted]);
      finished = true;
      return mergeBatches(all, input.policiesByFold[0]!.length, input.world.reps.length);
    } finally {
      signal?.removeEventListener('abort', abort);
      detach.forEach((off) => off());
      for (const worker of workers) {
        if (finished && idle.length < threads) idle.push(worker);
        else worker.terminate();
      }
    }
  };
}

function defaultThreads(): number {
  return typeof navigator !== 'undefined' && navigator.hardwareConcurrency > 0 ? navigator.hardwareConcurrency : 2;
}
