import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openScenario, type OpenedScenario } from '../../src/cli/open-scenario';
import { createNativeDatabase } from '../../src/data/adapters/native-node';
import type { Database } from '../../src/data/database';
import { compare, inThisThread, type Comparison } from '../../src/simulate/compare';
import { nodeWorkerPool } from '../../src/simulate/node-pool';
import type { PreparedComparison } from '../../src/simulate/prepare';
import { interval, metricValues } from '../../src/simulate/summarize';
import { describeWithSharedData } from '../support/shared-data';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The scenario file loaded and prepared once per suite: leads, roster, estimates, every policy. */
function useScenario(file: string) {
  const state = {} as { db: Database; prepared: PreparedComparison; opened: OpenedScenario };
  beforeAll(async () => {
    state.db = await createNativeDatabase();
    state.opened = await openScenario(state.db, path.join(ROOT, file));
    state.prepared = await state.opened.pipeline.prepared(state.opened.scenario);
  }, 120_000);
  afterAll(() => state.db?.close());
  return state;
}

const policy = (result: Comparison, name: string) => result.policies.find((p) => p.name === name)!;

describe('the sample team, with planted rep × segment effects', () => {
  const scenario = useScenario('data/sample/scenario.json');
  let result: Comparison;
  beforeAll(async () => {
    result = await compare(scenario.prepared, { replications: 200, seed: 7, runner: nodeWorkerPool(2) });
  }, 120_000);

  it('finds the optimized policy converting more than round robin, with a 90% interval above zero, scored out of sample', () => {
    expect(result.scoring).toBe('cross_fit');
    expect(result.baseline).toBe('round_robin');
    const gain = policy(result, 'optimized').vsBaseline.conversions;
    expect(gain.lo).toBeGreaterThan(0);
    expect(result.notes.map((n) => n.text).join(' ')).toMatch(/cross-fit/);
    expect(result.notes.map((n) => n.code)).toContain('scoring_cross_fit');
  });

  it('pays off common random numbers: paired intervals of a difference are at least 3× narrower than unpaired ones', () => {
    const n = result.replications, P = result.names.length;
    const base = metricValues(result.batch, P, result.names.indexOf('round_robin'), 'conversions');
    const ratios = result.names.filter((name) => name !== 'round_robin').map((name) => {
      const own = metricValues(result.batch, P, result.names.indexOf(name), 'conversions');
      const paired = interval(own.map((x, i) => x - base[i]!));
      // Unpaired: the same two policies on independent draws (replication i against i + n/2).
      const unpaired = interval(own.map((x, i) => x - base[(i + n / 2) % n]!));
      return { name, ratio: (unpaired.hi - unpaired.lo) / (paired.hi - paired.lo) };
    });
    const median = [...ratios].sort((a, b) => a.ratio - b.ratio)[ratios.length >> 1]!.ratio;
    expect(median, JSON.stringify(ratios)).toBeGreaterThanOrEqual(3);
    for (const { name, ratio } of ratios) expect(ratio, name).toBeGreaterThan(2);
  });

  it('gives every policy the same leads to work, and keeps each rep within capacity where the rules cap it', () => {
    const leads = result.policies.map((p) => p.metrics.leads.mean);
    expect(new Set(leads).size).toBe(1);
    for (const name of ['round_robin', 'optimized', 'least_loaded']) expect(policy(result, name).metrics.maxUtilization.hi).toBeLessThanOrEqual(1 + 1e-9);
  });

  it('gives the same numbers on worker threads as in this thread, replication by replication', async () => {
    const here = await compare(scenario.prepared, { replications: 10, seed: 7, runner: inThisThread });
    expect(Array.from(here.batch.metrics)).toEqual(Array.from(result.batch.metrics.subarray(0, here.batch.metrics.length)));
  });

  it('forecasts the held-back quarter within its 90% interval when it replays who really had each lead', async () => {
    const backtest = await scenario.opened.pipeline.simulationBacktest(scenario.opened.scenario, { replications: 200, seed: 7 });
    expect(backtest.replayed).toBeGreaterThan(1000);
    expect(backtest.covered, JSON.stringify(backtest)).toBe(true);
  }, 60_000);
});

describeWithSharedData('the Maven CRM export, where agents barely differ', 'data/maven-crm', () => {
  const scenario = useScenario('test/fixtures/maven-crm.scenario.json');

  it('does not invent a gain from noise: the optimized policy\'s difference from round robin covers zero', async () => {
    const result = await compare(scenario.prepared, { replications: 200, seed: 7, runner: nodeWorkerPool(2) });
    const gain = policy(result, 'optimized').vsBaseline.conversions;
    expect(gain.lo).toBeLessThan(0);
    expect(gain.hi).toBeGreaterThan(0);
  }, 120_000);

  it('forecasts the held-back period within its 90% interval', async () => {
    const backtest = await scenario.opened.pipeline.simulationBacktest(scenario.opened.scenario, { replications: 200, seed: 7 });
    expect(backtest.covered, JSON.stringify(backtest)).toBe(true);
  }, 60_000);
});
