import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openScenario, type OpenedScenario } from '../../src/cli/open-scenario';
import { createNativeDatabase } from '../../src/data/adapters/native-node';
import type { Database } from '../../src/data/database';
import { RULES_SCHEMA_ID, type RuleConfig, type RuleRep } from '../../src/model/rules';
import type { Scenario } from '../../src/model/scenario';
import { compare, inThisThread, type Comparison } from '../../src/simulate/compare';
import type { ExtraPolicy } from '../../src/simulate/prepare';

/**
 * Same seed, same numbers (issue 14 item 5): the simulator's results on the sample team, pinned
 * to the last bit before any speed-up. A faster engine must reproduce every replication exactly;
 * a change here means the engine's behaviour (or its floating-point order) changed, which is
 * never a by-product of optimising it. The policies cover every path through the engine: every
 * assignment method, the as-is replay and its fallback, the Salesforce rotation, a value-aware
 * rule file (conditions on the lead's own value, a prescreen reject, manual review, maxOpen
 * exhausting a pool) and a dedupe prescreen.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');

/** Replications, their raw values hashed bit for bit, and the summary a user reads (NaN kept as text). */
function digest(result: Comparison) {
  const bytes = (xs: Float64Array) => Buffer.from(xs.buffer, xs.byteOffset, xs.byteLength);
  const hash = createHash('sha256').update(bytes(result.batch.metrics)).update(bytes(result.batch.reps)).digest('hex');
  const { touchLatencyHours } = result.world.horizon;
  return {
    batchSha256: hash,
    calibration: { touchLatencyHours, decayReference: result.world.decay.reference },
    policies: result.policies,
  };
}

function exact(value: unknown): string {
  return JSON.stringify(value, (_, x: unknown) => (typeof x === 'number' && !Number.isFinite(x) ? String(x) : x), 1);
}

/** Rules that read each lead's value, reject some, queue some for review, and cap reps by open leads. */
function valueAware(reps: RuleRep[]): RuleConfig {
  const ids = reps.filter((r) => r.active).map((r) => r.id);
  const capped = reps.map((r, i) => (i % 4 === 1 ? { ...r, maxOpen: 6 } : i === 2 ? { ...r, absent: true } : r));
  return {
    schema: RULES_SCHEMA_ID, name: 'value tiers', reps: capped,
    prescreen: { reject: [{ field: 'value', op: 'lt', value: 3000 }] },
    rules: [
      { id: 'review', when: { all: [{ field: 'region', op: 'eq', value: 'South' }, { field: 'value', op: 'gt', value: 400000 }] }, assign: { method: 'manual_review', pool: [], queue: 'big deals' } },
      { id: 'big', when: { all: [{ field: 'value', op: 'gte', value: 100000 }, { field: 'region', op: 'in', value: ['East', 'North'] }] }, assign: { method: 'least_loaded', pool: ids.slice(0, 4).map((rep) => ({ rep })) } },
      { id: 'mid', when: { field: 'value', op: 'between', value: [20000, 99999.5] }, assign: { method: 'weighted_round_robin', pool: [{ rep: ids[1]!, weight: 0.5 }, { rep: ids[5]!, weight: 0.3 }, { rep: ids[2]!, weight: 0.2 }] } },
      { id: 'text', when: { any: [{ field: 'product', op: 'lt', value: 'Q' }, { field: 'industry', op: 'empty' }] }, assign: { method: 'round_robin', pool: ids.slice(6, 9).map((rep) => ({ rep })) } },
      { id: 'one', when: { field: 'value', op: 'neq', value: 5000 }, assign: { method: 'fixed', pool: [{ rep: ids[9]! }] } },
    ],
    fallback: { method: 'round_robin', pool: ids.map((rep) => ({ rep })) },
  };
}

function deduped(reps: RuleRep[]): RuleConfig {
  return {
    schema: RULES_SCHEMA_ID, name: 'dedupe by product', reps, prescreen: { dedupeOn: ['product'] }, rules: [],
    fallback: { method: 'round_robin', pool: reps.filter((r) => r.active).map((r) => ({ rep: r.id })) },
  };
}

describe('the sample team\'s numbers for seed 7, pinned before any speed-up', () => {
  const state = {} as { db: Database; opened: OpenedScenario; scenario: Scenario; extra: ExtraPolicy[] };
  beforeAll(async () => {
    state.db = await createNativeDatabase();
    state.opened = await openScenario(state.db, path.join(ROOT, 'data/sample/scenario.json'));
    state.scenario = { ...state.opened.scenario, policies: [...state.opened.scenario.policies, 'salesforce_mod'] };
    const plain = await state.opened.pipeline.prepared(state.scenario);
    const reps = plain.rules.find((r) => r !== null)!.reps;
    state.extra = [{ name: 'value_tiers', config: valueAware(reps) }, { name: 'deduped', config: deduped(reps) }];
  }, 120_000);
  afterAll(() => state.db?.close());

  it('every policy, every replication, every metric and every rep\'s load, as before', async () => {
    const prepared = await state.opened.pipeline.prepared(state.scenario, { extra: state.extra });
    const result = await compare(prepared, { replications: 12, seed: 7, runner: inThisThread });
    expect(result.names).toEqual(['round_robin', 'territory', 'weighted', 'least_loaded', 'as_is', 'optimized', 'salesforce_mod', 'value_tiers', 'deduped']);
    await expect(exact(digest(result))).toMatchFileSnapshot('./__snapshots__/pinned-sample-comparison.json');
  }, 120_000);

  it('the team scaled to ten thousand leads a run (the bench\'s load), as before', async () => {
    const { scenario, opened } = state;
    const scale = 5.3;
    const { reps } = await opened.pipeline.roster(scenario);
    const roster = reps.map((r) => ({ ...r, capacity_per_week: r.capacity_per_week * scale, max_open: r.max_open === null ? null : r.max_open * scale }));
    const scaled = { ...scenario, roster: { reps: roster }, simulation: { ...scenario.simulation, volumeMultiplier: scale } };
    const result = await compare(await opened.pipeline.prepared(scaled), { replications: 3, seed: 11, runner: inThisThread });
    await expect(exact(digest(result))).toMatchFileSnapshot('./__snapshots__/pinned-scaled-comparison.json');
  }, 120_000);

  it('with reclaims, absences, other working hours and a rep away all along, as before', async () => {
    const { scenario, opened } = state;
    const { reps } = await opened.pipeline.roster(scenario);
    // The simulation starts on Monday 2026-01-05 (the Monday after the history's last lead); week 0 warms up.
    const absences: Record<string, string[]> = { r01: ['2026-01-14..2026-01-20'], r05: ['2026-02-02'], r07: ['2026-01-28 to 2026-02-10', '2026-03-02'] };
    const hours: Record<string, string> = { r02: '10:00-14:00', r06: 'daily 8-20', r11: '7x24 0-24' };
    const roster = reps.map((r) => ({ ...r, absences: absences[r.rep_id] ?? r.absences, working_hours: hours[r.rep_id] ?? r.working_hours }));
    const busy = { ...scenario, roster: { reps: roster }, simulation: { ...scenario.simulation, reclaimAfterHours: 20, slaHours: 8, absent: ['r04'] } };
    const result = await compare(await opened.pipeline.prepared(busy, { extra: state.extra.slice(0, 1) }), { replications: 4, seed: 3, runner: inThisThread });
    expect(result.policies.find((p) => p.name === 'round_robin')!.metrics.reclaimedShare.mean).toBeGreaterThan(0);
    await expect(exact(digest(result))).toMatchFileSnapshot('./__snapshots__/pinned-busy-comparison.json');
  }, 120_000);

  it('the as-is backtest\'s forecast, as before', async () => {
    const backtest = await state.opened.pipeline.simulationBacktest(state.opened.scenario, { replications: 20, seed: 7 });
    expect(exact(backtest)).toMatchInlineSnapshot(`
      "{
       "cutoff": "2025-10-05 21:37:30",
       "replayed": 1290,
       "actualWins": 265,
       "forecast": {
        "mean": 239.05,
        "lo": 221.75,
        "hi": 257.65000000000003
       },
       "covered": false
      }"
    `);
  }, 120_000);
});
