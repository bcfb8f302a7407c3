import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openScenario } from '../../src/cli/open-scenario';
import { createNativeDatabase } from '../../src/data/adapters/native-node';
import type { Database } from '../../src/data/database';
import { AllotError } from '../../src/model/errors';
import { ScenarioSchema } from '../../src/model/scenario';
import { createEngineClient, isCancelled, type EngineClient } from '../../src/ui/engine/engine-client';
import { createEngineHandlers } from '../../src/ui/engine/handlers';
import type { EngineHandlers, MessageEnd } from '../../src/ui/engine/protocol';
import { serveEngine } from '../../src/ui/engine/serve';
import { unpackEstimates } from '../../src/ui/engine/packed-estimates';
import { makeI18n } from '../../src/ui/i18n';

const ROOT = path.resolve(import.meta.dirname, '../..');

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

/** Handlers that let a test drive progress, failure and cancellation, the real ones (with no database) otherwise. */
function scripted(overrides: Partial<EngineHandlers>): EngineHandlers {
  return { ...createEngineHandlers({ openDatabase: () => Promise.reject(new Error('no database in this test')) }), ...overrides };
}

describe('the engine worker protocol', () => {
  it('answers each call by its id, in whatever order the work finishes', async () => {
    const client = connect(scripted({
      estimates: async ({ scenario }) => {
        await sleep(scenario.name === 'slow' ? 30 : 0);
        return { notes: [scenario.name] } as never;
      },
    }));
    const slow = client.call('estimates', { scenario: { name: 'slow' } as never });
    const fast = client.call('estimates', { scenario: { name: 'fast' } as never });
    expect((await fast).notes).toEqual(['fast']);
    expect((await slow).notes).toEqual(['slow']);
  });

  it('reports progress while a call runs', async () => {
    const client = connect(scripted({
      compare: async (_, { progress }) => {
        for (let done = 1; done <= 3; done++) progress({ done, total: 3, stage: 'simulating' });
        await sleep(5);
        return { notes: [] } as never;
      },
    }));
    const seen: number[] = [];
    await client.call('compare', { scenario: {} as never, replications: 3 }, { onProgress: (p) => seen.push(p.done) });
    expect(seen).toEqual([1, 2, 3]);
  });

  it('a cancelled call rejects at once as aborted, and the worker sees its signal abort', async () => {
    let aborted: Promise<boolean> | undefined;
    const client = connect(scripted({
      estimates: (_, { signal }) => {
        aborted = new Promise((resolve) => signal.addEventListener('abort', () => resolve(signal.aborted)));
        return new Promise(() => undefined);
      },
    }));
    const controller = new AbortController();
    const call = client.call('estimates', { scenario: {} as never }, { signal: controller.signal });
    await sleep(10);
    controller.abort();
    const error = await call.catch((e: unknown) => e);
    expect(isCancelled(error)).toBe(true);
    expect(await aborted).toBe(true);
  });

  it("a handler's unexpected failure comes back as an engine error with its message", async () => {
    const client = connect(scripted({ estimates: () => { throw new Error('out of stack'); } }));
    const error = await client.call('estimates', { scenario: {} as never }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'EngineError', family: 'engine', code: 'internal', message: 'out of stack' });
    expect(isCancelled(error)).toBe(false);
  });
});

describe('the engine worker on the sample', () => {
  const sample = (file: string) => ({ name: file, bytes: new Uint8Array(readFileSync(path.join(ROOT, 'data/sample', file))) });
  const scenario = ScenarioSchema.parse(JSON.parse(readFileSync(path.join(ROOT, 'data/sample/scenario.json'), 'utf8')));
  const databases: Database[] = [];
  afterAll(() => Promise.all(databases.map((db) => db.close())));
  const worker = () => connect(createEngineHandlers({
    openDatabase: async () => {
      const db = await createNativeDatabase();
      databases.push(db);
      return db;
    },
    readFile: async (file) => (file === 'roster.csv' ? sample('roster.csv') : null),
  }));

  it('loads the leads, then estimates and backtests exactly as `allot estimate --backtest` does', async () => {
    const client = worker();
    const phases: string[] = [];
    const data = await client.call('load', { files: [sample('leads.csv')], isSample: true }, { onProgress: (p) => phases.push(p.kind) });
    expect(data.result.report.summary.leads).toBe(6866);
    expect(phases).toContain('mapping');

    const decay = { ...scenario, decay: { floor: 0.4, tauHours: 6 } };
    const [estimates, backtest, roster] = await Promise.all([client.call('estimates', { scenario: decay }), client.call('backtest', { scenario }), client.call('roster', { scenario })]);
    expect(roster.origin).toEqual({ kind: 'file', file: 'roster.csv' });
    expect(estimates.decay).toMatchObject({ source: 'scenario', floor: 0.4, tauHours: 6 });

    const cliDb = await createNativeDatabase();
    databases.push(cliDb);
    const cli = await openScenario(cliDb, path.join(ROOT, 'data/sample/scenario.json'));
    // The cells come column by column; unpacked, they are the CLI's estimates exactly.
    expect(unpackEstimates(estimates)).toEqual(await cli.pipeline.estimates(decay));
    expect(backtest).toEqual(await cli.pipeline.backtest(scenario));
    expect(backtest!.segments).toHaveLength(9);
  });

  it('an engine error reaches the caller with its family, code, params and JSON path, and the Chinese UI words it', async () => {
    const client = worker();
    await client.call('load', { files: [sample('leads.csv')], isSample: true });
    const wrong = { ...scenario, segments: { fields: ['zone'], valueBands: [] } };
    const error = await client.call('estimates', { scenario: wrong }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AllotError);
    expect(error).toMatchObject({ name: 'ScenarioError', family: 'scenario', code: 'not_a_column', where: { path: 'segments.fields[0]', column: 'zone' }, params: { field: 'zone' } });
    expect(makeI18n('en').errorText(error)).toMatch(/^segments\.fields\[0\]: "zone" is not a column of the leads/);
    const zh = makeI18n('zh').errorText(error);
    expect(zh).toMatch(/^segments\.fields\[0\]：「zone」不是线索表中的列/);
    expect(zh).not.toMatch(/is not a column/);
  });

  it('asked before anything is loaded, a step hears that no leads are loaded (no_data), not an internal error', async () => {
    const error = await worker().call('plan', { scenario }).catch((e: unknown) => e);
    expect(error).toMatchObject({ family: 'scenario', code: 'no_data' });
    expect(makeI18n('zh').errorText(error)).toBe('尚未加载线索：请先在“数据”步骤中加载文件。');
  });
});
