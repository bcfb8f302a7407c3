import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openScenario } from '../../src/cli/open-scenario';
import { createNativeDatabase } from '../../src/data/adapters/native-node';
import type { Database } from '../../src/data/database';
import { designResult, simulateDesign, type DesignResult } from '../../src/experiment/design';
import { effectForecast } from '../../src/experiment/forecast';
import { drawArrivals } from '../../src/simulate/arrivals';
import { calibrated, compare, inThisThread } from '../../src/simulate/compare';
import { assignArms, candidateWeek, createExperimentScratch, drawRates, runTwoArms } from '../../src/simulate/experiment-run';
import { preparePolicy } from '../../src/simulate/policy';
import type { PreparedComparison } from '../../src/simulate/prepare';
import { createScratch, emptyTotals, runPolicy } from '../../src/simulate/run-policy';
import { ARM_BUCKETS, bucketOf } from '../../src/experiment/arm';
import { readOut, type ReadoutLead } from '../../src/experiment/readout';
import { generateRollout } from '../../data/generator/rollout';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SEED = 7;
const WINDOW_DAYS = 30;

describe('designing a rollout on the sample team', () => {
  const state = {} as { db: Database; prepared: PreparedComparison };
  beforeAll(async () => {
    state.db = await createNativeDatabase();
    const opened = await openScenario(state.db, path.join(ROOT, 'data/sample/scenario.json'));
    state.prepared = await opened.pipeline.prepared({ ...opened.scenario, policies: [...opened.scenario.policies, 'salesforce_mod'] });
  }, 120_000);
  afterAll(() => state.db?.close());

  it('runs one arm alone exactly as the simulator runs that policy', () => {
    const world = calibrated(state.prepared.world, SEED);
    const scratch = createScratch(world);
    const p = new Float64Array(world.segments.length * world.reps.length);
    for (const name of ['optimized', 'as_is', 'salesforce_mod', 'least_loaded']) {
      const policy = state.prepared.policiesByFold[0]!.find((x) => x.name === name)!;
      const [a, b] = [preparePolicy(policy, world), preparePolicy(policy, world)];
      for (const replication of [0, 2]) {
        drawRates(world, 0, SEED, replication, p);
        const arrivals = drawArrivals(world, SEED, replication);
        const totals = emptyTotals(world.reps.length);
        runPolicy(world, a, arrivals, p, scratch, totals);
        const won = new Uint8Array(arrivals.count);
        for (const only of [0, 1]) {
          runTwoArms(world, [a, b], new Uint8Array(arrivals.count).fill(only), arrivals, p, createExperimentScratch(scratch), won);
          const counted = won.reduce((s, w, i) => s + (arrivals.counted[i] ? w : 0), 0);
          expect(counted, `${name}, replication ${replication}, all leads in arm ${only}`).toBe(totals.won);
        }
      }
    }
  });

  it('splits by lead hash, by slot and by whole weeks in the share asked', () => {
    const world = calibrated(state.prepared.world, SEED);
    const arrivals = drawArrivals(world, SEED, 0);
    const arm = new Uint8Array(arrivals.count);
    for (const unit of ['lead', 'slot', 'week'] as const) {
      assignArms(arrivals, { unit, share: 0.3 }, SEED, 0, arm, bucketOf, ARM_BUCKETS);
      const share = arm.reduce((s, x) => s + x, 0) / arrivals.count;
      expect(share, unit).toBeGreaterThan(unit === 'week' ? 0.15 : 0.27);
      expect(share, unit).toBeLessThan(unit === 'week' ? 0.45 : 0.33);
    }
    expect(Array.from({ length: 6 }, (_, k) => candidateWeek(k, 0.5))).toEqual([false, true, false, true, false, true]);
  });

  it('measures the full-deployment effect on the same draws as Compare', async () => {
    const weeks = state.prepared.world.horizon.weeks;
    const design = simulateDesign(state.prepared, { control: 'as_is', candidate: 'optimized', unit: 'lead', share: 0.5, maxWeeks: weeks }, { replications: 16, seed: SEED });
    const comparison = await compare(state.prepared, { replications: 16, seed: SEED, runner: inThisThread });
    const forecast = effectForecast(comparison, 'as_is', 'optimized');
    expect(design.fullDeployment.mean).toBeCloseTo(forecast.mean, 12);
    expect(design.fullDeployment.lo).toBeCloseTo(forecast.lo, 12);
  }, 60_000);

  describe('as is against optimized, split by lead', () => {
    let result: DesignResult;
    beforeAll(() => {
      result = simulateDesign(state.prepared, { control: 'as_is', candidate: 'optimized', unit: 'lead', share: 0.5, maxWeeks: 26 }, { replications: 200, seed: SEED });
    }, 60_000);

    it('gains power as the weeks go by', () => {
      const at = (w: number) => result.powerCurve[w - 1]!;
      expect(result.fullDeployment.mean).toBeGreaterThan(0);
      expect(at(26).power).toBeGreaterThan(at(4).power + 0.1);
      for (let w = 2; w <= 26; w++) expect(at(w).meanHalfWidth).toBeLessThan(at(w - 1).meanHalfWidth);
      // The interval narrows as 1/√weeks: 26 weeks' is about √(26/4) times narrower than 4 weeks'.
      expect(at(4).meanHalfWidth / at(26).meanHalfWidth).toBeCloseTo(Math.sqrt(26 / 4), 0);
    });

    it('states the power its estimates and the readout\'s interval imply, within 10 points', () => {
      // The readout detects when the estimate clears z₉₅ standard errors; the estimates spread
      // over the replications by process noise, the true effect's uncertainty and the interference.
      const normal = (z: number) => 0.5 * (1 + Math.tanh(0.7978845608 * (z + 0.044715 * z ** 3)));
      const last = result.powerCurve[25]!;
      const spread = (result.designEstimate.hi - result.designEstimate.lo) / (2 * 1.6448536);
      const implied = normal((result.designEstimate.mean - last.meanHalfWidth) / spread);
      expect(Math.abs(last.power - implied)).toBeLessThan(0.1);
    });

    it('states a power that independently generated rollouts with the same gain bear out, within 10 points', () => {
      // The rollout generator (data/generator/rollout.ts) plants a relative gain in its own world;
      // the gain is scaled so its effect per lead is the one this design estimates, at the sample's pace.
      const weeks = 26, leadsPerWeek = Math.round(state.prepared.world.segments.reduce((s, x) => s + x.perWeek, 0));
      const perUnitGain = generateRollout({ seed: 1, weeks, leadsPerWeek, candidateShare: 0.5, gain: 0.1 }).plantedEffect(WINDOW_DAYS) / 0.1;
      const gain = result.designEstimate.mean / perUnitGain;
      const rollouts = 150;
      let detected = 0;
      for (let seed = 1; seed <= rollouts; seed++) {
        const rollout = generateRollout({ seed, weeks: weeks + 5, leadsPerWeek, candidateShare: 0.5, gain });
        const segments = new Map<string, number>();
        const leads = rollout.leads.filter((l) => l.createdDays < weeks * 7).map((l): ReadoutLead => ({
          arm: l.arm, segment: segments.get(l.segment) ?? segments.set(l.segment, segments.size).get(l.segment)!, outcome: l.outcome,
          ageDays: rollout.asOfDays - l.createdDays, daysToWin: l.outcome === 1 ? l.daysToClose : NaN,
        }));
        if (readOut(leads, WINDOW_DAYS).low > 0) detected++;
      }
      expect(Math.abs(detected / rollouts - result.powerCurve[weeks - 1]!.power)).toBeLessThan(0.1);
    }, 60_000);

    it('says the lead-level split carries interference, measured against full deployment', () => {
      expect(result.bias.lo).toBeLessThanOrEqual(result.bias.mean);
      expect(result.bias.hi).toBeGreaterThanOrEqual(result.bias.mean);
      expect(result.designEstimate.mean - result.fullDeployment.mean).toBeCloseTo(result.bias.mean, 12);
      expect(result.statements[0]).toMatch(/^Interference: both arms share the reps/);
      expect(result.statements.at(-1)).toMatch(/^Power: /);
    });
  });

  it('finds no gain in a candidate that is the control itself: few false positives, no bias', () => {
    for (const unit of ['lead', 'week'] as const) {
      const result = simulateDesign(state.prepared, { control: 'round_robin', candidate: 'round_robin', unit, share: 0.5, maxWeeks: 13 }, { replications: 200, seed: SEED });
      expect(result.fullDeployment.mean).toBe(0);
      for (const pt of result.powerCurve.slice(1)) expect(pt.excludesZero, `${unit}, week ${pt.weeks}`).toBeLessThanOrEqual(0.16);
      expect(result.bias.lo, unit).toBeLessThan(0.0015);
      expect(result.bias.hi, unit).toBeGreaterThan(-0.0015);
      expect(Math.abs(result.bias.mean), unit).toBeLessThan(0.002);
      expect(result.weeksToPower).toBeNull();
      if (unit === 'week') expect(result.statements[0]).toMatch(/^Switchback: .*queues carry over/);
    }
  }, 60_000);

  it('says when interference turns the effect around, and extrapolates no weeks for it', () => {
    // Full deployment loses 5 per 100 leads; the experiment reads +1 ± 0.5 every time.
    const n = 50, W = 4;
    const runs = { estimate: new Float64Array(n * W).fill(0.01), low: new Float64Array(n * W).fill(0.005), high: new Float64Array(n * W).fill(0.015), full: new Float64Array(n).fill(-0.05) };
    const result = designResult({ control: 'as_is', candidate: 'optimized', unit: 'lead', share: 0.5, maxWeeks: W }, 1, runs);
    expect(result.reversed).toBe(true);
    expect(result.wrongWay).toBe(1);
    expect(result.weeksToPower).toBeNull();
    expect(result.weeksExtrapolated).toBeNull();
    expect(result.statements.some((s) => s.startsWith('Wrong way round: full deployment gives −5.00 conversions per 100 leads but this experiment estimates +1.00'))).toBe(true);
    expect(result.statements[0]).toMatch(/; it estimates the effect the wrong way round\.$/);
    // The same readouts where full deployment gains: no reversal, power 100%.
    const agreeing = designResult({ control: 'as_is', candidate: 'optimized', unit: 'lead', share: 0.5, maxWeeks: W }, 1, { ...runs, full: new Float64Array(n).fill(0.012) });
    expect(agreeing.reversed).toBe(false);
    expect(agreeing.wrongWay).toBe(0);
    expect(agreeing.weeksToPower).toBe(1);
    expect(agreeing.statements.some((s) => s.startsWith('Forecast loss'))).toBe(false);
    // A candidate forecast to convert fewer: said, and power is about showing that loss.
    const losing = designResult({ control: 'round_robin', candidate: 'optimized', unit: 'lead', share: 0.5, maxWeeks: W }, 1, { estimate: runs.estimate.map((x) => -x), low: runs.high.map((x) => -x), high: runs.low.map((x) => -x), full: new Float64Array(n).fill(-0.012) });
    expect(losing.reversed).toBe(false);
    expect(losing.weeksToPower).toBe(1);
    expect(losing.statements.find((s) => s.startsWith('Forecast loss'))).toMatch(/^Forecast loss: the candidate everywhere converts −1\.20 per 100 leads against the control/);
  });
});
