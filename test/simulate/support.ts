import { RULES_SCHEMA_ID, type RuleConfig } from '../../src/model/rules';
import { DEFAULT_WORKING_HOURS } from '../../src/simulate/calendar';
import type { SimulationWorld } from '../../src/simulate/world';

/**
 * A small world built by hand: two segments (East, West), three reps, fitted arrivals of
 * `perWeek` leads per segment. Rep c is better at West; a and b are the same everywhere.
 */
export function tinyWorld(overrides: Partial<SimulationWorld['horizon']> = {}, perWeek = 40): SimulationWorld {
  const reps = ['a', 'b', 'c'].map((id) => ({
    id, name: id.toUpperCase(), capacityPerWeek: 40, active: true, absent: false, junior: id === 'c', inRoster: true, hours: DEFAULT_WORKING_HOURS, absences: [] as Array<[number, number]>,
  }));
  const rates = [[0.2, 0.2, 0.2], [0.1, 0.1, 0.4]];
  const decided = 2000;
  return {
    reps,
    segments: [
      { key: 'East', fields: { region: 'East' }, valuePerWon: 1000, perWeek },
      { key: 'West', fields: { region: 'West' }, valuePerWon: 5000, perWeek },
    ],
    // Cells known from 2000 decided leads each: tight, and moving on their own.
    posteriors: [{
      logitMean: Float64Array.from(rates.flat(), (p) => Math.log(p / (1 - p))),
      logitSd: Float64Array.from(rates.flat(), (p) => Math.sqrt(1 / (p * decided) + 1 / ((1 - p) * decided))),
      segmentLoading: new Float64Array(6), repLoading: new Float64Array(6),
    }],
    decay: { floor: 0.3, tauHours: 3, reference: 0.8, referenceFrom: 'first-touch history' },
    arrivals: { kind: 'fitted', hourOfWeek: new Float64Array(168).fill(1 / 168), ownerShare: Float64Array.from([1, 1, 0, 0, 0, 1]) },
    horizon: {
      weeks: 4, warmUpWeeks: 1, volumeMultiplier: 1, slaHours: 48, reclaimAfterHours: 168, maxReclaims: 2, cycleHours: 336,
      touchShare: 0.25, touchLatencyHours: 0.5, historyTouchP50: NaN, ...overrides,
    },
    highValue: Uint8Array.from([0, 1]),
    highValueRule: 'West',
  };
}

const ruleReps = (capacityPerWeek = 40) => ['a', 'b', 'c'].map((id) => ({ id, name: id.toUpperCase(), crmUser: `${id}@example.com`, capacityPerWeek, active: true }));
const reps = ruleReps();

export function roundRobinRules(pool = ['a', 'b', 'c'], capacityPerWeek = 40): RuleConfig {
  return { schema: RULES_SCHEMA_ID, name: 'round robin', reps: ruleReps(capacityPerWeek), rules: [], fallback: { method: 'round_robin', pool: pool.map((rep) => ({ rep })) } };
}

/** West to c, East shared by a and b: what a skill-aware optimizer would do. */
export function skillRules(): RuleConfig {
  return {
    schema: RULES_SCHEMA_ID, name: 'skills', reps,
    rules: [
      { id: 'west', when: { field: 'region', op: 'eq', value: 'West' }, assign: { method: 'fixed', pool: [{ rep: 'c' }] } },
      { id: 'east', when: { field: 'region', op: 'eq', value: 'East' }, assign: { method: 'weighted_round_robin', pool: [{ rep: 'a', weight: 0.5 }, { rep: 'b', weight: 0.5 }] } },
    ],
    fallback: { method: 'round_robin', pool: reps.map((r) => ({ rep: r.id })) },
  };
}
