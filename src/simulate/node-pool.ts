import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BatchRunner } from './compare';
import type { ReplicateInput, ReplicationBatch } from './replicate';
import { mergeBatches } from './summarize';

/** A built CLI runs the worker's plain JS; from TypeScript sources (tsx, vitest) see `workerEntry`. */
const FROM_SOURCES = import.meta.url.endsWith('.ts');
interface WorkerEntry {
  url: URL;
  options: { execArgv?: string[] };
}
let bundledWorker: Promise<WorkerEntry> | null = null;

/**
 * Run from sources, the worker is bundled once per process into one self-contained module
 * (esbuild, a few tenths of a second) and started without the parent's tsx flags: a worker that
 * inherited them and registered tsx's loader spent over a second per thread before its first
 * replication, most of what a second thread gains on a 10,000-lead comparison. Without esbuild
 * at hand it falls back to registering tsx in the worker. Bundled at the first batch, never
 * before: a command refused earlier must not exit with esbuild's service still starting (one such
 * exit ended in SIGSEGV in CI).
 */
function workerEntry(): Promise<WorkerEntry> {
  if (!FROM_SOURCES) return Promise.resolve({ url: new URL('./node-worker.js', import.meta.url), options: {} });
  return (bundledWorker ??= import('esbuild')
    .then(({ build }) => build({ entryPoints: [fileURLToPath(new URL('./node-worker.ts', import.meta.url))], bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'silent' }))
    .then((built) => ({ url: new URL(`data:text/javascript,${encodeURIComponent(built.outputFiles[0]!.text)}`), options: { execArgv: [] } }))
    .catch(() => ({ url: new URL('./node-worker-from-sources.mjs', import.meta.url), options: {} })));
}

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
    const entry = await workerEntry();
    const done = new Array<number>(n).fill(0);
    const workers: Worker[] = [];
    const abort = () => workers.forEach((w) => void w.terminate());
    control.signal?.addEventListener('abort', abort, { once: true });
    try {
      const batches = await Promise.all(shares.map((share, w) => new Promise<ReplicationBatch>((resolve, reject) => {
        const worker = new Worker(entry.url, { ...entry.options, workerData: { input, replications: share } });
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

