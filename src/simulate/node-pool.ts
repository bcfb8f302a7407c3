import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BatchRunner } from './compare';
import type { ReplicateInput, ReplicationBatch } from './replicate';
import { mergeBatches } from './summarize';

/** Run from TypeScript sources (tsx, vitest), the worker registers tsx's loader first; a built CLI runs plain JS. */
const WORKER_URL = import.meta.url.endsWith('.ts') ? new URL('./node-worker-from-sources.mjs', import.meta.url) : new URL('./node-worker.js', import.meta.url);

/**
 * Replications spread over Node worker threads (the CLI's runner). Replications are dealt round
 * robin so each worker gets a mix of both folds; results are merged in replication order, so the
 * numbers are the same with 1 thread or 16.
 */
export function nodeWorkerPool(threads = availableParallelism()): BatchRunner {
  return async (input, replications, control) => {
    const n = Math.max(1, Math.min(threads, replications.length));
    if (n === 1) {
      const { runReplications } = await import('./replicate');
      return runReplications(input, replications, { signal: control.signal, onReplication: (done) => control.onProgress?.(done, replications.length) });
    }
    const shares = Array.from({ length: n }, (_, w) => replications.filter((_, i) => i % n === w));
    const done = new Array<number>(n).fill(0);
    const workers: Worker[] = [];
    const abort = () => workers.forEach((w) => void w.terminate());
    control.signal?.addEventListener('abort', abort, { once: true });
    try {
      const batches = await Promise.all(shares.map((share, w) => new Promise<ReplicationBatch>((resolve, reject) => {
        const worker = new Worker(WORKER_URL, { workerData: { input, replications: share } });
        workers.push(worker);
        worker.on('message', (message: { done?: number; batch?: ReplicationBatch }) => {
          if (message.done !== undefined) {
            done[w] = message.done;
            control.onProgress?.(done.reduce((a, b) => a + b, 0), replications.length);
          }
          if (message.batch) resolve(message.batch);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => (control.signal?.aborted ? reject(control.signal.reason ?? new Error('cancelled')) : code !== 0 && reject(new Error(`simulation worker stopped with code ${code}`))));
      })));
      return mergeBatches(batches, input.policiesByFold[0]!.length, input.world.reps.length);
    } finally {
      control.signal?.removeEventListener('abort', abort);
      await Promise.all(workers.map((w) => w.terminate()));
    }
  };
}

