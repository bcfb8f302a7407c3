import { describe, expect, it } from 'vitest';
import { RepSchema, type Rep } from '../../src/model/roster';
import { ScenarioSchema, type ScenarioInput } from '../../src/model/scenario';
import { problemFromEstimates } from '../../src/optimize/from-estimates';
import type { Estimates, SegmentEstimate } from '../../src/model/estimates';

/** Segments "region|product" with demand, segment rate and revenue per win; cells p(segment, rep). */
function estimatesOf(segments: Array<[string, number, number, number | null]>, cells: Record<string, Record<string, number>>): Estimates {
  const segs: SegmentEstimate[] = segments.map(([key, perWeek, rate, perWin]) => {
    const [region, product] = key.split('|') as [string, string];
    return {
      key, fields: { region, product }, valueBand: null, leads: perWeek * 10, perWeek, sdPerWeek: 1, decided: 10, won: 3,
      rate: { mean: rate, lo: rate / 2, hi: Math.min(1, rate * 2) },
      revenuePerWin: { wins: perWin === null ? 0 : 3, perWin, source: perWin === null ? 'none' : 'segment' },
    };
  });
  const conversion = Object.entries(cells).flatMap(([segment, byRep]) => Object.entries(byRep).map(([rep, mean]) => ({
    segment, rep, mean, lo: mean / 2, hi: Math.min(1, mean * 2), n: 10, won: 3, raw: 0.3, prior: mean, priorOnly: false, alpha: 3, beta: 7,
  })));
  return {
    segments: segs, reps: [], conversion,
    decay: { floor: 0.5, tauHours: 24, source: 'preset', formula: 'multiplier(h) = floor + (1 − floor)·exp(−h / tauHours)' as Estimates['decay']['formula'], points: [], untouched: { decided: 0, won: 0 }, note: '' },
    arrivals: { weekday: [], hour: [], weeks: 10 },
    model: { repSpread: { mean: 0, lo: 0, hi: 0 }, segmentSpread: { mean: 0, lo: 0, hi: 0 }, cellStrength: 50 },
    notes: [],
  };
}

const rep = (rep_id: string, skills: string[], tier: string, capacity_per_week: number, active = true): Rep => RepSchema.parse({ rep_id, name: rep_id, tier, skills, capacity_per_week, active });
const scenario = (extra: Partial<ScenarioInput> = {}) => ScenarioSchema.parse({ schema: 'allot.scenario/v1', leads: { path: 'leads.csv' }, segments: { fields: ['region', 'product'] }, ...extra });

const ESTIMATES = estimatesOf(
  [['East|Pro', 10, 0.25, 1000], ['West|Pro', 5, 0.2, 800], ['East|Enterprise', 4, 0.15, null]],
  { 'East|Pro': { a: 0.3, b: 0.2 }, 'West|Pro': { a: 0.22, b: 0.18 }, 'East|Enterprise': { a: 0.1, b: 0.12 } },
);
const ROSTER = [rep('a', ['region:East'], 'senior', 20), rep('b', ['region:West', 'lang:en'], 'junior', 8), rep('c', ['region:East'], 'junior', 6, false)];

describe('problemFromEstimates: the estimates, roster and scenario as the optimizer\'s input', () => {
  it('takes demand, value per win, capacity, tier and the shrunk conversion as they are', () => {
    const p = problemFromEstimates(ESTIMATES, ROSTER, scenario({ objective: { maximize: 'revenue' } }));
    expect(p.segments).toEqual([{ key: 'East|Pro', demandPerWeek: 10, valuePerWon: 1000 }, { key: 'West|Pro', demandPerWeek: 5, valuePerWon: 800 }, { key: 'East|Enterprise', demandPerWeek: 4, valuePerWon: 0 }]);
    expect(p.reps).toEqual([{ id: 'a', name: 'a', capacityPerWeek: 20, tier: 'senior', active: true }, { id: 'b', name: 'b', capacityPerWeek: 8, tier: 'junior', active: true }, { id: 'c', name: 'c', capacityPerWeek: 6, tier: 'junior', active: false }]);
    expect(p.objective).toBe('revenue');
    // Rep c has no cell of its own: it gets the segment's average-rep rate.
    expect(Array.from(p.conversion as Float64Array)).toEqual([0.3, 0.2, 0.25, 0.22, 0.18, 0.2, 0.1, 0.12, 0.15]);
    expect(Array.from(p.eligible as Uint8Array)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1]);
    // By default the plan keeps 5% of capacity free and gives every active eligible rep a fifth of theirs.
    expect(p.constraints).toEqual({ capacity: true, maxMinWeight: 0, headroom: 0.05, repFloor: 0.2 });
  });

  it('headroom and the floor per rep are the scenario\'s, and 0 turns each off', () => {
    const set = problemFromEstimates(ESTIMATES, ROSTER, scenario({ constraints: { headroom: 0.25, repFloor: 0.5 } }));
    expect(set.constraints).toMatchObject({ headroom: 0.25, repFloor: 0.5 });
    const off = problemFromEstimates(ESTIMATES, ROSTER, scenario({ constraints: { headroom: 0, repFloor: 0 } }));
    expect(off.constraints).toEqual({ capacity: true, maxMinWeight: 0 });
    expect(ScenarioSchema.safeParse({ schema: 'allot.scenario/v1', leads: { path: 'l.csv' }, constraints: { headroom: 0.6 } }).success).toBe(false);
  });

  it('pins and exclusions name segments by field values and reps by id', () => {
    const p = problemFromEstimates(ESTIMATES, ROSTER, scenario({ constraints: { pins: [{ segment: { region: 'East' }, rep: 'b', share: 0.25 }], exclusions: [{ segment: { region: 'West' }, rep: 'a' }] } }));
    expect(p.constraints.pins).toEqual([{ segment: 0, rep: 1, share: 0.25 }, { segment: 2, rep: 1, share: 0.25 }]);
    expect(p.constraints.exclusions).toEqual([{ segment: 1, rep: 0 }]);
  });

  it('a pin on an unknown rep or on values no segment has names its path', () => {
    expect(() => problemFromEstimates(ESTIMATES, ROSTER, scenario({ constraints: { pins: [{ segment: { region: 'East' }, rep: 'zz', share: 0.5 }] } }))).toThrow(/constraints\.pins\[0\]\.rep: "zz" is not in the roster/);
    expect(() => problemFromEstimates(ESTIMATES, ROSTER, scenario({ constraints: { exclusions: [{ segment: { region: 'North' }, rep: 'a' }] } }))).toThrow(/constraints\.exclusions\[0\]\.segment: no segment has region = "North"/);
    expect(() => problemFromEstimates(ESTIMATES, ROSTER, scenario({ constraints: { pins: [{ segment: { size: 'Big' }, rep: 'a', share: 0.5 }] } }))).toThrow(/constraints\.pins\[0\]\.segment: "size" is not one of the segment fields/);
  });

  it('a rep marked away in the what-if takes no lead in the plan', () => {
    const p = problemFromEstimates(ESTIMATES, ROSTER, scenario({ simulation: { absent: ['a'] } }));
    expect(p.reps.map((r) => [r.id, r.active])).toEqual([['a', false], ['b', true], ['c', false]]);
  });

  it('eligibility comes from the skill tags: region:East reps take East leads only', () => {
    const p = problemFromEstimates(ESTIMATES, ROSTER, scenario({ eligibility: { field: 'region', skill: 'region' } }));
    expect(Array.from(p.eligible as Uint8Array)).toEqual([1, 0, 1, 0, 1, 0, 1, 0, 1]);
  });

  it('an eligibility field that is not a segment field names eligibility.field', () => {
    expect(() => problemFromEstimates(ESTIMATES, ROSTER, scenario({ eligibility: { field: 'industry', skill: 'industry' } })))
      .toThrow('eligibility.field: "industry" is not one of the segment fields (region, product).');
  });

  it('the junior share names segments by field values', () => {
    const p = problemFromEstimates(ESTIMATES, ROSTER, scenario({ constraints: { juniorShare: { segments: { product: ['Enterprise'] }, atLeast: 0.3 }, loadBand: [0.2, 0.9], valueFloor: 0.5, maxMinWeight: 2 } }));
    expect(p.constraints).toEqual({ capacity: true, maxMinWeight: 2, headroom: 0.05, repFloor: 0.2, loadBand: [0.2, 0.9], valueFloor: 0.5, juniorShare: { segments: [2], atLeast: 0.3 } });
    const both = problemFromEstimates(ESTIMATES, ROSTER, scenario({ constraints: { juniorShare: { segments: { region: ['East'], product: ['Pro', 'Enterprise'] }, atLeast: 0.1 } } }));
    expect(both.constraints.juniorShare!.segments).toEqual([0, 2]);
  });

  it('a junior share on an unknown field, or on values no segment has, names its path', () => {
    expect(() => problemFromEstimates(ESTIMATES, ROSTER, scenario({ constraints: { juniorShare: { segments: { size: ['Big'] }, atLeast: 0.3 } } })))
      .toThrow('constraints.juniorShare.segments: "size" is not one of the segment fields (region, product).');
    expect(() => problemFromEstimates(ESTIMATES, ROSTER, scenario({ constraints: { juniorShare: { segments: { product: ['Platinum'] }, atLeast: 0.3 } } })))
      .toThrow('constraints.juniorShare.segments: no segment has product = Platinum.');
  });
});
