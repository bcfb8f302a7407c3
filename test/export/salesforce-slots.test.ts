import { describe, expect, it } from 'vitest';
import { replaySalesforce, salesforceSlot, salesforceSlotTable } from '../../src/export/salesforce/slots';
import { parseRuleConfig, type RuleConfig, type RuleConfigInput } from '../../src/model/rules';
import { sampleRules } from './replay/shares';

function config(rules: RuleConfigInput['rules'], reps = ['a', 'b', 'c'].map((id) => rep(id))): RuleConfig {
  const parsed = parseRuleConfig({ schema: 'allot.rules/v1', name: 't', reps, rules, fallback: { method: 'round_robin', pool: [{ rep: 'a' }, { rep: 'b' }, { rep: 'c' }] } });
  if (!parsed.ok) throw new Error(`${parsed.errors[0]!.path}: ${parsed.errors[0]!.message}`);
  return parsed.config;
}
function rep(id: string, extra: object = {}) {
  return { id, name: id, crmUser: `${id}@x.example`, capacityPerWeek: 10, active: true, ...extra };
}
const weighted = (id: string, weights: Record<string, number>) => ({
  id, when: { field: 'k', op: 'eq' as const, value: id },
  assign: { method: 'weighted_round_robin' as const, pool: Object.entries(weights).map(([r, weight]) => ({ rep: r, weight })) },
});

describe('salesforceSlotTable: pools as slot ranges over the AutoNumber slots', () => {
  it('splits thirds by largest remainder (34/33/33, the earlier rep taking the tie) into contiguous ranges that cover every slot', () => {
    const table = salesforceSlotTable(config([]));
    expect(table.fallback.ranges).toEqual([{ rep: 'a', from: 0, to: 34 }, { rep: 'b', from: 34, to: 67 }, { rep: 'c', from: 67, to: 100 }]);
  });

  it('the sample rules: every pool covers 0…99 once, and each range is its weight in whole slots', () => {
    const rules = sampleRules();
    const table = salesforceSlotTable(rules);
    rules.rules.forEach((rule, i) => {
      const { ranges } = table.rules[i]!;
      expect(ranges[0]!.from).toBe(0);
      expect(ranges.at(-1)!.to).toBe(100);
      ranges.slice(1).forEach((r, j) => expect(r.from).toBe(ranges[j]!.to));
      if (rule.assign.method === 'weighted_round_robin')
        ranges.forEach((r, j) => expect(Math.abs((r.to - r.from) / 100 - rule.assign.pool[j]!.weight!)).toBeLessThanOrEqual(0.005));
    });
  });

  it('a weight below half a slot gets no slot and is named; other slot counts follow the remainders', () => {
    const slots = salesforceSlotTable(config([weighted('w', { a: 0.004, b: 0.4985, c: 0.4975 })])).rules[0]!;
    expect(slots.zeroSlotReps).toEqual(['a']);
    expect(slots.ranges).toEqual([{ rep: 'b', from: 0, to: 50 }, { rep: 'c', from: 50, to: 100 }]);
  });

  it('an inactive or absent rep is left out and the others renormalised, as the router skips them', () => {
    const reps = [rep('a', { active: false }), rep('b'), rep('c', { absent: true })];
    const table = salesforceSlotTable(config([weighted('w', { a: 0.5, b: 0.25, c: 0.25 })], reps));
    expect(table.rules[0]!.ranges).toEqual([{ rep: 'b', from: 0, to: 100 }]);
    expect(table.fallback.ranges).toEqual([{ rep: 'b', from: 0, to: 100 }]);
  });

  it('a pool with nobody available takes the fallback\'s ranges; least_loaded splits evenly; manual_review has a queue and no ranges', () => {
    const reps = [rep('a'), rep('b'), rep('c', { active: false })];
    const table = salesforceSlotTable(config([
      { id: 'away', assign: { method: 'fixed', pool: [{ rep: 'c' }] } },
      { id: 'least', assign: { method: 'least_loaded', pool: [{ rep: 'a' }, { rep: 'b' }] } },
      { id: 'desk', assign: { method: 'manual_review', queue: 'Desk' } },
    ], reps));
    expect(table.rules[0]).toMatchObject({ viaFallback: true, ranges: table.fallback.ranges });
    expect(table.rules[1]!.ranges).toEqual([{ rep: 'a', from: 0, to: 50 }, { rep: 'b', from: 50, to: 100 }]);
    expect(table.rules[2]).toMatchObject({ queue: 'Desk', ranges: [] });
    expect(replaySalesforce(table, 2, 5)).toBeNull();
  });

  it('replaySalesforce reads the slot\'s rep; index rules.length is the fallback; out-of-range input is refused', () => {
    const table = salesforceSlotTable(config([weighted('w', { a: 0.1, b: 0.9 })]));
    expect([0, 9, 10, 99].map((slot) => replaySalesforce(table, 0, slot))).toEqual(['a', 'a', 'b', 'b']);
    expect([0, 33, 34, 66, 67].map((slot) => replaySalesforce(table, 1, slot))).toEqual(['a', 'a', 'b', 'b', 'c']);
    expect(() => replaySalesforce(table, 2, 0)).toThrow(/outside 0…1 \(1 = fallback\)/);
    expect(() => replaySalesforce(table, 0, 100)).toThrow(/slot 100 is outside 0…99/);
    expect(() => salesforceSlotTable(config([]), 0)).toThrow(/positive whole number/);
  });

  it('another slot count and the AutoNumber → slot formula (MOD, never negative)', () => {
    const table = salesforceSlotTable(config([weighted('w', { a: 0.5, b: 0.5 })]), 10);
    expect(table.rules[0]!.ranges).toEqual([{ rep: 'a', from: 0, to: 5 }, { rep: 'b', from: 5, to: 10 }]);
    expect([0, 99, 100, 12345].map((n) => salesforceSlot(n))).toEqual([0, 99, 0, 45]);
  });
});
