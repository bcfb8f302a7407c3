import { describe, expect, it } from 'vitest';
import { optimize, type OptimizeResult } from '../../src/optimize/optimize';
import { problemOf, rep, seg } from './fixtures';

function optimal(result: OptimizeResult) {
  if (result.status !== 'optimal') throw new Error(`expected a plan, got ${JSON.stringify(result)}`);
  return result;
}

describe.each(['jslp', 'highs'] as const)('hand-solved plans (%s)', (solver) => {
  it('sends the better rep all it can take and the rest to the next', async () => {
    const plan = optimal(await optimize(problemOf([seg('East', 10)], [rep('a', 6), rep('b', 6)], [[0.5, 0.2]]), { solver }));
    expect([...plan.x]).toEqual([expect.closeTo(6, 9), expect.closeTo(4, 9)]);
    expect(plan.totals.conversionsPerWeek).toBeCloseTo(3.8, 9);
    expect(plan.solver).toBe(solver);
  });

  it('revenue puts the strong rep on the valuable segment', async () => {
    const problem = problemOf([seg('Small', 10, 100), seg('Big', 10, 1000)], [rep('a', 10), rep('b', 10)], [[0.5, 0.4], [0.5, 0.4]], { objective: 'revenue' });
    const plan = optimal(await optimize(problem, { solver }));
    expect(plan.x[1 * 2 + 0]).toBeCloseTo(10, 9);
    expect(plan.totals.valuePerWeek).toBeCloseTo(0.4 * 10 * 100 + 0.5 * 10 * 1000, 6);
  });

  it('the max–min weight balances conversions between reps', async () => {
    const problem = problemOf([seg('East', 10)], [rep('a', 10), rep('b', 10)], [[0.5, 0.4]]);
    expect(optimal(await optimize(problem, { solver })).x[0]).toBeCloseTo(10, 9);
    problem.constraints.maxMinWeight = 2;
    const plan = optimal(await optimize(problem, { solver }));
    expect(plan.x[0]).toBeCloseTo(40 / 9, 6);
    expect(plan.objective).toBeCloseTo(80 / 9, 6);
  });

  it('juniors get their development share, pins and exclusions hold, the band evens loads', async () => {
    const base = () => problemOf([seg('Enterprise', 10)], [rep('s', 10), rep('j', 10, 'junior')], [[0.5, 0.1]]);
    const junior = base();
    junior.constraints.juniorShare = { segments: [0], atLeast: 0.3 };
    expect(optimal(await optimize(junior, { solver })).x[1]).toBeCloseTo(3, 9);
    const pinned = base();
    pinned.constraints.pins = [{ segment: 0, rep: 1, share: 0.5 }];
    expect(optimal(await optimize(pinned, { solver })).x[1]).toBeCloseTo(5, 9);
    const excluded = base();
    excluded.constraints.exclusions = [{ segment: 0, rep: 0 }];
    expect([...optimal(await optimize(excluded, { solver })).x]).toEqual([0, expect.closeTo(10, 9)]);
    const banded = base();
    banded.constraints.loadBand = [0.5, 1];
    expect([...optimal(await optimize(banded, { solver })).x]).toEqual([expect.closeTo(5, 9), expect.closeTo(5, 9)]);
  });

  it('too little capacity is overflow with the numbers, not a failure', async () => {
    const problem = problemOf([seg('East', 120), seg('West', 10)], [rep('a', 50), rep('b', 46), rep('c', 20)], [[0.3, 0.2, 0], [0, 0, 0.3]], {
      eligible: (s, r) => (s === 0 ? r < 2 : r === 2),
    });
    const plan = optimal(await optimize(problem, { solver }));
    expect(plan.totals.overflowPerWeek).toBeCloseTo(24, 9);
    expect(plan.overflowNotes).toEqual([{
      code: 'overflow',
      params: { segments: 'East', count: 1, need: 120, reps: 'a, b', take: 96, over: 24, queue: 'overflow' },
      text: 'East needs 120 leads/week, eligible reps (a, b) can take 96 in all: 24/week go to the "overflow" queue',
    }]);
  });
});

describe('choosing the solver', () => {
  it('auto gives small models to javascript-lp-solver and large ones to HiGHS', async () => {
    const small = problemOf([seg('East', 10)], [rep('a', 6), rep('b', 6)], [[0.5, 0.2]]);
    expect(optimal(await optimize(small)).solver).toBe('jslp');
    const S = 30, R = 5; // 150 columns, above HIGHS_ABOVE_COLUMNS
    const large = problemOf(Array.from({ length: S }, (_, s) => seg(`s${s}`, 4)), Array.from({ length: R }, (_, r) => rep(`r${r}`, 30)), Array.from({ length: S }, (_, s) => Array.from({ length: R }, (_, r) => ((s + r) % 7) / 10)));
    const plan = optimal(await optimize(large));
    expect(plan.solver).toBe('highs');
    expect(plan.totals.leadsPerWeek).toBeCloseTo(120, 9);
  });
});
