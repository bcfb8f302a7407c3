import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkSolution } from '../../src/optimize/check';
import { buildModel } from '../../src/optimize/model';
import { optimize } from '../../src/optimize/optimize';
import { normalizeProblem, type AssignmentProblem } from '../../src/optimize/problem';
import { loadHighs } from '../../src/optimize/solvers';

const percent = (min: number, max: number) => fc.integer({ min, max }).map((k) => k / 100);

const instance = fc
  .record({ S: fc.integer({ min: 1, max: 12 }), R: fc.integer({ min: 1, max: 8 }) })
  .chain(({ S, R }) => fc.record({
    S: fc.constant(S),
    R: fc.constant(R),
    demand: fc.array(fc.integer({ min: 0, max: 60 }), { minLength: S, maxLength: S }),
    value: fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: S, maxLength: S }),
    capacity: fc.array(fc.integer({ min: 0, max: 80 }), { minLength: R, maxLength: R }),
    junior: fc.array(fc.boolean(), { minLength: R, maxLength: R }),
    p: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: S * R, maxLength: S * R }),
    eligible: fc.array(fc.boolean(), { minLength: S * R, maxLength: S * R }),
    objective: fc.constantFrom('conversions' as const, 'revenue' as const),
    band: fc.option(fc.tuple(percent(0, 50), percent(50, 150))),
    floor: fc.option(percent(0, 90)),
    juniorShare: fc.option(percent(0, 50)),
    lambda: fc.constantFrom(0, 0.5, 3),
  }))
  .map((g): AssignmentProblem => {
    const eligible = Uint8Array.from(g.eligible, Number);
    for (let s = 0; s < g.S; s++) eligible[s * g.R + (s % g.R)] = 1; // every segment has an eligible rep
    return {
      segments: g.demand.map((d, s) => ({ key: `s${s}`, demandPerWeek: d, valuePerWon: g.value[s]! })),
      reps: g.capacity.map((c, r) => ({ id: `r${r}`, capacityPerWeek: c, tier: g.junior[r] ? 'junior' : 'senior', active: true })),
      conversion: Float64Array.from(g.p, (k) => k / 1000),
      eligible,
      objective: g.objective,
      constraints: {
        capacity: true,
        maxMinWeight: g.lambda,
        ...(g.band ? { loadBand: g.band } : {}),
        ...(g.floor !== null ? { valueFloor: g.floor } : {}),
        ...(g.juniorShare !== null ? { juniorShare: { segments: [0], atLeast: g.juniorShare } } : {}),
      },
    };
  });

describe('javascript-lp-solver agrees with HiGHS', () => {
  beforeAll(async () => { await loadHighs(); });

  it('on random instances: same status, objective to 1e-6 relative, every constraint holds', async () => {
    let solved = 0;
    await fc.assert(
      fc.asyncProperty(instance, async (problem) => {
        const [js, hi] = [await optimize(problem, { solver: 'jslp' }), await optimize(problem, { solver: 'highs' })];
        expect(js.status).toBe(hi.status);
        if (js.status !== 'optimal' || hi.status !== 'optimal') return;
        solved++;
        expect(Math.abs(js.objective - hi.objective)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(hi.objective)));
        const model = buildModel(normalizeProblem(problem).normalized!);
        for (const plan of [js, hi]) {
          const col = new Float64Array(model.colNames.length);
          plan.x.forEach((v, i) => { if (model.xCol[i]! >= 0) col[model.xCol[i]!] = v; });
          plan.overflow.forEach((v, s) => { col[model.overflowCol[s]!] = v; });
          if (model.tCol >= 0) col[model.tCol] = Math.min(...plan.perRep.filter((_, r) => model.rows.some((row) => row.name === `mm${r}`)).map((o) => o.conversionsPerWeek));
          expect(checkSolution(model, col)).toEqual([]);
        }
      }),
      { numRuns: 150, seed: 20261127 },
    );
    expect(solved).toBeGreaterThan(50);
  });
});
