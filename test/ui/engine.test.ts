import path from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { runBacktest } from '../../src/cli/estimate';
import { createdRange, readEstimationInputs } from '../../src/data/estimation-inputs';
import { defaultCutoff } from '../../src/estimate/backtest';
import { estimate } from '../../src/estimate/estimate';
import { createEngineClient, EngineError, isCancelled, type EngineClient } from '../../src/ui/engine/engine-client';
import { engineHandlers } from '../../src/ui/engine/handlers';
import type { EngineHandlers, MessageEnd } from '../../src/ui/engine/protocol';
import { serveEngine } from '../../src/ui/engine/serve';
import { loadLeads, REGION_PRODUCT, ROOT } from '../estimate/support';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** The worker's server and the main thread's client on the two ends of a MessageChannel. */
function connect(handlers: EngineHandlers): EngineClient {
  const { port1, port2 } = new MessageChannel();
  const stop = serveEngine(port1 as unknown as MessageEnd, handlers);
  const client = createEngineClient(port2 as unknown as MessageEnd);
  port1.start();
  port2.start();
  cleanups.push(() => (stop(), client.dispose(), port1.close(), port2.close()));
  return client;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Handlers that let a test drive progress, failure and cancellation, the real ones otherwise. */
function scripted(overrides: Partial<EngineHandlers>): EngineHandlers {
  return { ...engineHandlers, ...overrides };
}

describe('the engine worker protocol', () => {
  it('answers each call by its id, in whatever order the work finishes', async () => {
    const client = connect(scripted({
      estimate: async ({ options }) => {
        await sleep(options.reps?.[0] === 'slow' ? 30 : 0);
        return { notes: options.reps } as never;
      },
    }));
    const slow = client.call('estimate', { inputs: {} as never, options: { reps: ['slow'] } });
    const fast = client.call('estimate', { inputs: {} as never, options: { reps: ['fast'] } });
    expect((await fast).notes).toEqual(['fast']);
    expect((await slow).notes).toEqual(['slow']);
  });

  it('reports progress while a call runs', async () => {
    const client = connect(scripted({
      estimate: async (_, { progress }) => {
        for (let done = 1; done <= 3; done++) progress({ done, total: 3, label: 'replications' });
        await sleep(5);
        return { notes: [] } as never;
      },
    }));
    const seen: number[] = [];
    await client.call('estimate', { inputs: {} as never, options: {} }, { onProgress: (p) => seen.push(p.done) });
    expect(seen).toEqual([1, 2, 3]);
  });

  it('a cancelled call rejects at once as aborted, and the worker sees its signal abort', async () => {
    let aborted: Promise<boolean> | undefined;
    const client = connect(scripted({
      estimate: (_, { signal }) => {
        aborted = new Promise((resolve) => signal.addEventListener('abort', () => resolve(signal.aborted)));
        return new Promise(() => undefined);
      },
    }));
    const controller = new AbortController();
    const call = client.call('estimate', { inputs: {} as never, options: {} }, { signal: controller.signal });
    await sleep(10);
    controller.abort();
    const error = await call.catch((e: unknown) => e);
    expect(isCancelled(error)).toBe(true);
    expect(await aborted).toBe(true);
  });

  it("a handler's failure comes back as an EngineError with its message", async () => {
    const client = connect(scripted({ estimate: () => { throw new Error('segments.fields[0]: "zone" is not a column'); } }));
    const error = await client.call('estimate', { inputs: {} as never, options: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect((error as Error).message).toBe('segments.fields[0]: "zone" is not a column');
    expect(isCancelled(error)).toBe(false);
  });
});

describe('the engine worker on the sample', () => {
  it('estimates what estimate() does, and backtests what `allot estimate --backtest` does', async () => {
    const db = await loadLeads([{ name: 'leads.csv', path: path.join(ROOT, 'data/sample/leads.csv') }]);
    try {
      const client = connect(engineHandlers);
      const inputs = await readEstimationInputs(db, REGION_PRODUCT);
      const options = { decay: { floor: 0.4, tauHours: 6 } };
      const estimates = await client.call('estimate', { inputs, options });
      expect(estimates).toEqual(estimate(inputs, options));
      expect(estimates.decay).toMatchObject({ source: 'scenario', floor: 0.4, tauHours: 6 });

      const reps = estimates.reps.map((r) => r.rep);
      const range = (await createdRange(db))!;
      const cutoff = defaultCutoff(range.fromMs, range.toMs);
      const fit = await readEstimationInputs(db, REGION_PRODUCT, { createdBefore: cutoff, decidedBefore: cutoff });
      const test = await readEstimationInputs(db, REGION_PRODUCT, { createdFrom: cutoff });
      const fromWorker = await client.call('backtest', { fit, test, reps });
      const { cutoff: _, holdOut: __, fit: ___, heldOut: ____, ...fromCli } = await runBacktest(db, REGION_PRODUCT, reps);
      expect(fromWorker).toEqual(fromCli);
      expect(fromWorker.segments).toHaveLength(9);
    } finally {
      await db.close();
    }
  });
});
