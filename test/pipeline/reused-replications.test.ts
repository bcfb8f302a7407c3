import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openScenario, type OpenedScenario } from '../../src/cli/open-scenario';
import { createNativeDatabase } from '../../src/data/adapters/native-node';
import type { Database } from '../../src/data/database';
import type { Comparison } from '../../src/simulate/compare';

/**
 * Replication i depends only on the inputs, the seed and i, so a full run after a quick what-if
 * runs only the replications the what-if did not, and a what-if after a full run none: each gives,
 * bit for bit, what a fresh run of its count gives.
 */
const SCENARIO = path.resolve(import.meta.dirname, '../../data/sample/scenario.json');
let db: Database;
const open = () => openScenario(db, SCENARIO);
beforeAll(async () => { db = await createNativeDatabase(); }, 60_000);
afterAll(async () => { await db?.close(); });

/** What a user reads and what the charts draw from, NaN written out. */
const shown = (c: Comparison) => JSON.stringify({ policies: c.policies, replications: c.batch.replications, metrics: [...c.batch.metrics], reps: [...c.batch.reps], world: c.world.horizon }, (_, x: unknown) => (typeof x === 'number' && !Number.isFinite(x) ? String(x) : x));

async function counted(opened: OpenedScenario, replications: number) {
  const progress: number[] = [];
  const result = await opened.pipeline.comparison(opened.scenario, { replications, onProgress: (p) => p.stage === 'simulating' && progress.push(p.done) });
  return { result, progress };
}

describe('a comparison after another of the same scenario and seed', () => {
  it('runs only the replications the earlier one did not, and gives a fresh run\'s numbers', async () => {
    const fresh = await counted(await open(), 12);
    const session = await open();
    const quick = await counted(session, 5);
    const full = await counted(session, 12);
    expect(quick.progress.at(-1)).toBe(5);
    // Progress counts on from the five kept: replications 6 … 12 are the ones run.
    expect(full.progress[0]).toBeGreaterThan(5);
    expect(full.progress.at(-1)).toBe(12);
    expect(shown(full.result)).toBe(shown(fresh.result));
    // Back to fewer: nothing runs at all.
    const again = await counted(session, 7);
    expect(again.progress).toEqual([]);
    expect(shown(again.result)).toBe(shown((await counted(await open(), 7)).result));
  }, 120_000);

  it('does not reuse one of another seed', async () => {
    const session = await open();
    await session.pipeline.comparison(session.scenario, { replications: 4 });
    const other = await session.pipeline.comparison(session.scenario, { replications: 6, seed: 99 });
    const fresh = await (await open()).pipeline.comparison(session.scenario, { replications: 6, seed: 99 });
    expect(shown(other)).toBe(shown(fresh));
  }, 120_000);
});
