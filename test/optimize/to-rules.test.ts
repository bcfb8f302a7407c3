import { describe, expect, it } from 'vitest';
import { parseRuleConfig } from '../../src/model/rules';
import { optimize } from '../../src/optimize/optimize';
import { largestRemainderPercents, planToRuleConfig } from '../../src/optimize/to-rules';
import { problemOf, rep, seg } from './fixtures';

describe('from an optimal plan to rules', () => {
  it('rounds shares to whole percents that sum to exactly 100', () => {
    expect(largestRemainderPercents([1, 1, 1])).toEqual([34, 33, 33]);
    expect(largestRemainderPercents([2, 1, 0])).toEqual([67, 33, 0]);
    expect(largestRemainderPercents([0.125, 0.125, 0.75])).toEqual([13, 12, 75]);
    expect(largestRemainderPercents([0, 0])).toEqual([0, 0]);
  });

  it('writes a valid allot.rules/v1 file: shared pools merged, weights summing to 1, expectations attached', async () => {
    const problem = problemOf(
      [seg('East', 30, 100), seg('West', 30, 100), seg('North', 10, 500), seg('Nowhere', 5)],
      [rep('a', 20), rep('b', 20), rep('c', 40)],
      [[0.5, 0.5, 0.1], [0.5, 0.5, 0.1], [0.2, 0.2, 0.6], [0.1, 0.1, 0.1]],
      { eligible: (s) => s !== 3 },
    );
    const plan = await optimize(problem, { solver: 'highs' });
    if (plan.status !== 'optimal') throw new Error(plan.status);
    const config = planToRuleConfig(problem, plan, { name: 'Optimized', segmentFields: ['region'], when: (s) => ({ field: 'region', op: 'eq', value: problem.segments[s]!.key }) });
    const parsed = parseRuleConfig(JSON.parse(JSON.stringify(config)));
    expect(parsed).toMatchObject({ ok: true });
    for (const rule of config.rules) {
      if (rule.assign.method !== 'weighted_round_robin') continue;
      expect(rule.assign.pool.reduce((sum, e) => sum + e.weight!, 0)).toBeCloseTo(1, 12);
      for (const e of rule.assign.pool) expect(Number.isInteger(Math.round(e.weight! * 100 * 1e9) / 1e9)).toBe(true);
    }
    const nowhere = config.rules.find((r) => r.id === 'nowhere')!;
    expect(nowhere.assign).toEqual({ method: 'manual_review', pool: [], queue: 'overflow' });
    const total = config.rules.reduce((sum, r) => sum + (r.info?.expectedLeadsPerWeek ?? 0), 0);
    expect(total).toBeCloseTo(plan.totals.leadsPerWeek, 2);
    expect(config.rules.map((r) => r.info?.expectedLeadsPerWeek)).toEqual([...config.rules.map((r) => r.info?.expectedLeadsPerWeek)].sort((x, y) => y! - x!));
    expect(config.fallback).toEqual({ method: 'round_robin', pool: [{ rep: 'a' }, { rep: 'b' }, { rep: 'c' }] });
  });

  it('segments with the same pool become one rule matching any of them', async () => {
    const problem = problemOf([seg('East', 10), seg('West', 10)], [rep('a', 100), rep('b', 100)], [[0.5, 0.1], [0.5, 0.1]]);
    const plan = await optimize(problem);
    if (plan.status !== 'optimal') throw new Error(plan.status);
    const config = planToRuleConfig(problem, plan, { name: 'x', when: (s) => ({ field: 'region', op: 'eq', value: problem.segments[s]!.key }) });
    expect(config.rules).toHaveLength(1);
    expect(config.rules[0]).toMatchObject({
      id: 'east-west',
      when: { any: [{ field: 'region', op: 'eq', value: 'East' }, { field: 'region', op: 'eq', value: 'West' }] },
      assign: { method: 'fixed', pool: [{ rep: 'a' }] },
      info: { expectedLeadsPerWeek: 20, expectedConversionsPerWeek: 10 },
    });
  });
});
