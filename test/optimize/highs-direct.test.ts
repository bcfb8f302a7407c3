import highsLoader from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadHighsLpText } from '../../bench/optimize/lp-text-reference';
import { randomInstance } from '../../bench/optimize/instance';
import { checkSolution, objectiveValue } from '../../src/optimize/check';
import { createHighsSolver, type HighsSolver } from '../../src/optimize/highs-solver';
import { toHighsLp } from '../../src/optimize/highs-lp';
import { buildModel, type LinearModel } from '../../src/optimize/model';
import { normalizeProblem, type AssignmentProblem, type Constraints } from '../../src/optimize/problem';
import type { LpSolver } from '../../src/optimize/solvers';

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let highs: Highs;
let lpText: LpSolver;
beforeAll(async () => { [highs, lpText] = await Promise.all([highsLoader(), loadHighsLpText()]); });

const modelOf = (problem: AssignmentProblem): LinearModel => buildModel(normalizeProblem(problem).normalized!);
const withConstraints = (problem: AssignmentProblem, more: Partial<Constraints>): AssignmentProblem => ({ ...problem, constraints: { ...problem.constraints, ...more } });
const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));

/** Every constraint on (bench/optimize/instance.ts), then the settings it leaves out, then models no plan can satisfy. */
function cases(): [string, AssignmentProblem][] {
  const base = (S: number, R: number, seed: number) => randomInstance(S, R, seed);
  return [
    ['40×8, every constraint', base(40, 8, 1)],
    ['60×12, every constraint', base(60, 12, 2)],
    ['120×15, every constraint', base(120, 15, 3)],
    ['50×10, conversions objective, no max–min', { ...withConstraints(base(50, 10, 4), { maxMinWeight: 0 }), objective: 'conversions' }],
    ['50×10, pins', withConstraints(base(50, 10, 5), { pins: [{ segment: 0, rep: 1, share: 0.5 }, { segment: 7, rep: 3, share: 0.25 }, { segment: 9, rep: 9, share: 1 }] })],
    ['50×10, floor, headroom, value floor, junior share', withConstraints(base(50, 10, 6), { repFloor: 0.6, headroom: 0.1, valueFloor: 0.5, juniorShare: { segments: [0, 1, 2, 3], atLeast: 0.4 } })],
    ['50×10, too little capacity: overflow', { ...base(50, 10, 7), reps: base(50, 10, 7).reps.map((r) => ({ ...r, capacityPerWeek: Math.round(r.capacityPerWeek / 3) })) }],
    ['50×10, load band minimums above the demand: infeasible', withConstraints(base(50, 10, 8), { loadBand: [0.95, 1] })],
    ['50×10, juniors asked for all of segments they cannot take: infeasible', withConstraints(base(50, 10, 9), { juniorShare: { segments: Array.from({ length: 50 }, (_, s) => s), atLeast: 1 } })],
    ['50×10, a pin above the rep\'s capacity: infeasible', withConstraints(base(50, 10, 10), { pins: Array.from({ length: 12 }, (_, s) => ({ segment: s, rep: 2, share: 1 })) })],
  ];
}

describe('HiGHS fed the model as arrays', () => {
  it.each(cases())('%s: the same status and objective as HiGHS on the LP text', (_, problem) => {
    const model = modelOf(problem);
    const ours = createHighsSolver(highs).solve(model);
    const reference = lpText.solve(model);
    expect(ours.status).toBe(reference.status);
    if (reference.status !== 'optimal') return;
    expect(relative(objectiveValue(model, ours.x), objectiveValue(model, reference.x))).toBeLessThanOrEqual(1e-6);
    expect(checkSolution(model, ours.x)).toEqual([]);
  });

  it('writes capacity and the load band as one ranged row per rep', () => {
    const model = modelOf(randomInstance(20, 5, 1));
    const lp = toHighsLp(model);
    const load = model.rows.filter((r) => r.group === 'capacity' || r.group === 'bandMin' || r.group === 'bandMax');
    expect(load).toHaveLength(15);
    expect(lp.numRows).toBe(model.rows.length - 10);
    const cap0 = model.rows.find((r) => r.name === 'cap0')!;
    const merged = [...Array(lp.numRows).keys()].find((i) => lp.indices[lp.starts[i]!] === cap0.cols[0] && lp.starts[i + 1]! - lp.starts[i]! === cap0.cols.length && lp.values[lp.starts[i]!] === 1)!;
    expect([lp.rowLower[merged], lp.rowUpper[merged]]).toEqual([0.3 * cap0.rhs, cap0.rhs]);
  });
});

describe('a re-solve after a small change', () => {
  const slider = (lambda: number) => withConstraints(randomInstance(200, 20, 11), { maxMinWeight: lambda });
  const cold = (model: LinearModel) => createHighsSolver(highs).solve(model);
  let solver: HighsSolver;
  beforeAll(() => { solver = createHighsSolver(highs); });

  it('starts warm when the fairness slider moves, and gives what a cold solve gives', () => {
    const first = solver.solve(modelOf(slider(0.5)));
    expect(solver.lastStart()).toBe('cold');
    for (const lambda of [0.75, 1.5, 0.5]) {
      const model = modelOf(slider(lambda));
      const warm = solver.solve(model);
      expect(solver.lastStart()).toBe('warm');
      const reference = cold(model);
      expect(warm.status).toBe('optimal');
      expect(relative(objectiveValue(model, warm.x), objectiveValue(model, reference.x))).toBeLessThanOrEqual(1e-9);
      for (let j = 0; j < warm.x.length; j++) expect(warm.x[j]).toBeCloseTo(reference.x[j]!, 6);
    }
    // Back at λ = 0.5 after three moves: the plan the user first saw.
    const back = solver.solve(modelOf(slider(0.5)));
    for (let j = 0; j < back.x.length; j++) expect(back.x[j]).toBeCloseTo(first.x[j]!, 6);
  });

  it('starts warm on a what-if that changes capacities, and gives what a cold solve gives', () => {
    solver.solve(modelOf(slider(0.5)));
    const base = slider(0.5);
    const model = modelOf({ ...base, reps: base.reps.map((r, i) => ({ ...r, capacityPerWeek: r.capacityPerWeek * (i % 3 === 0 ? 0.9 : 1.05) })) });
    const warm = solver.solve(model);
    expect(solver.lastStart()).toBe('warm');
    expect(relative(objectiveValue(model, warm.x), objectiveValue(model, cold(model).x))).toBeLessThanOrEqual(1e-9);
  });

  it('calls a what-if no plan can satisfy infeasible from a warm start too', () => {
    solver.solve(modelOf(slider(0.5)));
    const model = modelOf(withConstraints(slider(0.5), { loadBand: [0.95, 1] }));
    const warm = solver.solve(model);
    expect(solver.lastStart()).toBe('warm');
    expect(warm.status).toBe('infeasible');
    expect(cold(model).status).toBe('infeasible');
  });

  it('gives the same numbers for the same model, exactly', () => {
    const model = modelOf(slider(0.8));
    const once = solver.solve(model);
    const again = solver.solve(modelOf(slider(0.8)));
    expect(solver.lastStart()).toBe('repeat');
    expect(again.x).toEqual(once.x);
  });

  it('solves from cold when the optimum is not unique, so history cannot pick another plan', () => {
    // Conversion rates that tie (reps in pairs, segments in 11 levels): many plans are optimal, and
    // from the last basis HiGHS would end at another one than from cold (max |Δx| = 13 leads/week).
    const ties = (lambda: number, lastCapacity: number): AssignmentProblem => ({
      segments: Array.from({ length: 30 }, (_, s) => ({ key: `s${s}`, demandPerWeek: 10 + (s % 7), valuePerWon: 1000 })),
      reps: Array.from({ length: 6 }, (_, r) => ({ id: `r${r}`, capacityPerWeek: r === 5 ? lastCapacity : 80, tier: r < 2 ? 'junior' : 'senior', active: true })),
      conversion: (s, r) => 0.05 + 0.01 * ((s * 7 + Math.floor(r / 2) * 3) % 11),
      eligible: () => true,
      objective: 'revenue',
      constraints: { capacity: true, maxMinWeight: lambda, loadBand: [0.2, 1] },
    });
    solver.solve(modelOf(ties(0.5, 80)));
    const model = modelOf(ties(1, 60));
    const after = solver.solve(model);
    expect(solver.lastStart()).toBe('cold');
    expect(after.x).toEqual(cold(model).x);
  });
});
