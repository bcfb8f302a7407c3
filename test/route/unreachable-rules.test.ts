import { describe, expect, it } from 'vitest';
import type { Condition, RuleConfigInput } from '../../src/model/rules';
import { findUnreachableRules } from '../../src/route';
import { rep, rulesOf } from './rule-fixtures';

const east: Condition = { field: 'region', op: 'eq', value: 'East' };
const west: Condition = { field: 'region', op: 'eq', value: 'West' };

/** Rule files whose rules have these conditions, in order (undefined: no condition). */
function unreachable(...whens: Array<Condition | undefined>) {
  const rules = whens.map((when, i) => ({ id: `rule${i}`, ...(when ? { when } : {}), assign: { method: 'fixed', pool: [{ rep: 'a' }] } })) as RuleConfigInput['rules'];
  return findUnreachableRules(rulesOf({ reps: [rep('a')], rules })).map((u) => `${u.path} ${u.reason}`);
}

describe('rules that can never match are found', () => {
  it('one field equal to two values at once', () => {
    expect(unreachable({ all: [east, west] })).toEqual(['rules[0] its condition contradicts itself (region cannot take any value that every condition on it allows)']);
  });

  it('contradictions inside nested groups and against lists', () => {
    expect(unreachable(
      { all: [east, { all: [{ field: 'region', op: 'in', value: ['North', 'South'] }] }] },
      { all: [{ field: 'region', op: 'in', value: ['East', 'West'] }, { field: 'region', op: 'nin', value: ['East', 'West'] }] },
      { all: [east, { field: 'region', op: 'neq', value: 'East' }] },
      { all: [{ field: 'value', op: 'gt', value: 100 }, { field: 'value', op: 'lt', value: 50 }] },
      { all: [{ field: 'value', op: 'between', value: [1, 10] }, { field: 'value', op: 'eq', value: 20 }] },
      { all: [{ field: 'email', op: 'empty' }, { field: 'email', op: 'contains', value: '@' }] },
      { any: [{ all: [east, west] }, { all: [{ field: 'x', op: 'gte', value: 5 }, { field: 'x', op: 'lte', value: 4 }] }] },
    ).map((line) => line.split(' ')[0])).toEqual(['rules[0]', 'rules[1]', 'rules[2]', 'rules[3]', 'rules[4]', 'rules[5]', 'rules[6]']);
  });

  it('a rule behind one that matches every lead', () => {
    expect(unreachable(east, undefined, west, { all: [] })).toEqual([
      'rules[2] rules[1] ("rule1") matches every lead and comes first',
      'rules[3] rules[1] ("rule1") matches every lead and comes first',
    ]);
  });

  it('a rule behind one with the same condition, whatever the order of its parts', () => {
    const pro: Condition = { field: 'product', op: 'in', value: ['Pro', 'Plus'] };
    const proReordered: Condition = { field: 'product', op: 'in', value: ['Plus', 'Pro'] };
    expect(unreachable({ all: [east, pro] }, { all: [proReordered, east] })).toEqual(['rules[1] rules[0] ("rule0") has the same condition and comes first']);
  });
});

describe('rules that can match are left alone', () => {
  it('overlapping but satisfiable conditions', () => {
    expect(unreachable(
      { all: [east, { field: 'value', op: 'gte', value: 100 }] },
      east,
      { any: [east, west] },
      { all: [{ field: 'region', op: 'in', value: ['East', 'West'] }, { field: 'region', op: 'neq', value: 'East' }] },
      { all: [{ field: 'value', op: 'gt', value: 5 }, { field: 'value', op: 'lte', value: 6 }] },
      { all: [{ field: 'code', op: 'eq', value: 5 }, { field: 'code', op: 'eq', value: '5' }] }, // the text "5" is both
      { any: [{ all: [east, west] }, west] },
    )).toEqual([]);
  });
});
