import { describe, expect, it } from 'vitest';
import { textsOf } from '../../src/model/message';
import { optimize } from '../../src/optimize/optimize';
import { problemOf, rep, seg } from './fixtures';

async function conflictsOf(problem: Parameters<typeof optimize>[0], solver: 'jslp' | 'highs' = 'jslp') {
  const result = await optimize(problem, { solver });
  if (result.status !== 'infeasible') throw new Error(`expected infeasible, got ${result.status}`);
  return textsOf(result.conflicts);
}

describe('infeasible plans are explained with the numbers', () => {
  it('a load band minimum a rep\'s segments cannot fill', async () => {
    const problem = problemOf([seg('East', 20), seg('West', 100)], [rep('r07', 40), rep('r02', 200)], [[0.3, 0.3], [0.3, 0.3]], { eligible: (s, r) => s === 0 || r === 1 });
    problem.constraints.loadBand = [0.6, 1];
    expect(await conflictsOf(problem)).toContain('r07 needs at least 24 leads/week (load band minimum 60% of capacity 40), but its eligible segments bring only 20');
  });

  it('a load band minimum the whole demand cannot fill', async () => {
    const problem = problemOf([seg('East', 150)], [rep('a', 150), rep('b', 150)], [[0.3, 0.3]]);
    problem.constraints.loadBand = [0.6, 1];
    expect(await conflictsOf(problem)).toEqual(['the load band minimum 60% needs 180 leads/week across the team, but demand is only 150']);
  });

  it('a junior share beyond the juniors\' capacity', async () => {
    const problem = problemOf([seg('Enterprise', 120)], [rep('s', 200), rep('j', 30, 'junior')], [[0.3, 0.1]]);
    problem.constraints.juniorShare = { segments: [0], atLeast: 0.4 };
    expect(await conflictsOf(problem)).toEqual(['junior share 40% of Enterprise needs 48 leads/week for juniors, whose capacity is 30']);
  });

  it('a junior share with no junior eligible', async () => {
    const problem = problemOf([seg('Enterprise', 120)], [rep('s', 200), rep('j', 30, 'junior')], [[0.3, 0.1]], { eligible: (_s, r) => r === 0 });
    problem.constraints.juniorShare = { segments: [0], atLeast: 0.1 };
    expect(await conflictsOf(problem)).toEqual(['junior share 10% of Enterprise needs 12 leads/week for juniors, but no active junior rep is eligible for Enterprise']);
  });

  it('a value floor a rep cannot reach', async () => {
    // Equal share = (10·0.5·100 + 10·0.5·100)/2 = 500; floor 80% = 400; rep b reaches 5 leads × 0.5 × 100 = 250.
    const problem = problemOf([seg('A', 10, 100), seg('B', 10, 100)], [rep('a', 20), rep('b', 5)], [[0.5, 0.5], [0.5, 0.5]]);
    problem.constraints.valueFloor = 0.8;
    expect(await conflictsOf(problem)).toEqual(["b's expected won value must reach 400/week (value floor 80% of the equal share), but at most 250/week is reachable with capacity 5 in its eligible segments"]);
  });

  it('pins beyond a rep\'s capacity', async () => {
    const problem = problemOf([seg('A', 100)], [rep('a', 40), rep('b', 100)], [[0.5, 0.5]]);
    problem.constraints.pins = [{ segment: 0, rep: 0, share: 0.5 }];
    expect(await conflictsOf(problem)).toEqual(['pins give a 50 leads/week, but it can take 40']);
  });

  it.each(['jslp', 'highs'] as const)('a conflict only the LP finds is traced by relaxing each constraint (%s)', async (solver) => {
    // Pins send 80% of A to the senior; the junior share wants 50% of A: each alone is fine.
    const problem = problemOf([seg('A', 10)], [rep('s', 10), rep('j', 10, 'junior')], [[0.5, 0.1]]);
    problem.constraints.pins = [{ segment: 0, rep: 0, share: 0.8 }];
    problem.constraints.juniorShare = { segments: [0], atLeast: 0.5 };
    const conflicts = await conflictsOf(problem, solver);
    expect(conflicts).toHaveLength(2);
    expect(conflicts[0]).toMatch(/^the junior share of 50% cannot be met together with the other constraints; at most about 2\d(\.\d)?% can$/);
    expect(conflicts[1]).toBe('the pins conflict with the other constraints: without them a plan exists');
  });
});

describe('bad input gets a clear message', () => {
  it('a conversion outside [0, 1] names its segment and rep', async () => {
    const result = await optimize(problemOf([seg('East', 10)], [rep('a', 10), rep('r07', 10)], [[0.5, 1.2]]));
    expect(result).toMatchObject({
      status: 'invalid',
      errors: [{ code: 'bad_conversion', params: { segment: 'East', rep: 'r07', value: '1.2' }, text: 'conversion for segment "East" × rep "r07" is 1.2; it must be a probability in [0, 1]' }],
    });
  });

  it('a negative capacity', async () => {
    const result = await optimize(problemOf([seg('East', 10)], [rep('a', -5)], [[0.5]]));
    expect(result).toMatchObject({ status: 'invalid', errors: [{ code: 'bad_capacity', text: 'rep "a": capacity must be a number ≥ 0 leads/week (got -5)' }] });
  });

  it('a rep with no eligible segment is a warning, and the plan goes ahead', async () => {
    const result = await optimize(problemOf([seg('East', 10)], [rep('a', 10), rep('idle', 10)], [[0.5, 0.5]], { eligible: (_s, r) => r === 0 }));
    expect(result.status).toBe('optimal');
    expect(result.warnings).toEqual([{ code: 'rep_eligible_for_nothing', params: { rep: 'idle' }, text: 'rep "idle" is eligible for no segment and will get no leads' }]);
  });
});
