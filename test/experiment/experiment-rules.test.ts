import { describe, expect, it } from 'vitest';
import { withExperiment } from '../../src/experiment/experiment-rules';
import { parseRuleConfig, type RuleConfig } from '../../src/model/rules';
import { rep, rulesOf } from '../route/rule-fixtures';

const candidate = rulesOf({ reps: [rep('a'), rep('b')], name: 'Optimized', rules: [{ id: 'east', when: { field: 'region', op: 'eq', value: 'East' }, assign: { method: 'fixed', pool: [{ rep: 'a' }] } }] });
const control = rulesOf({ reps: [rep('a'), rep('b'), rep('c')], name: 'Round robin', rules: [{ id: 'east', assign: { method: 'round_robin', pool: [{ rep: 'b' }, { rep: 'c' }] } }] });

describe('withExperiment, the rule file of a rollout', () => {
  it('puts the candidate at the top level and the control in experiment.control, over the merged reps, as a valid v2 file', () => {
    const built = withExperiment(candidate, control, { unit: 'slot', candidateShare: 0.3 });
    expect(built.schema).toBe('allot.rules/v2');
    expect(built.rules).toEqual(candidate.rules);
    expect(built.reps.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(built.experiment).toEqual({ name: 'Optimized vs Round robin', unit: 'slot', candidateShare: 0.3, control: { name: 'Round robin', rules: control.rules, fallback: control.fallback } });
    expect(parseRuleConfig(JSON.parse(JSON.stringify(built)))).toEqual({ ok: true, config: built });
  });

  it('keepCurrent leaves the control to the CRM, and a lead split gets a salt that is stable for the same pairing', () => {
    const one = withExperiment(candidate, 'keepCurrent', { unit: 'lead', candidateShare: 0.5 });
    const two = withExperiment(candidate, 'keepCurrent', { unit: 'lead', candidateShare: 0.5 });
    expect(one.experiment!.control).toEqual({ name: 'as is', keepCurrent: true });
    expect(one.experiment!.salt).toMatch(/^allot-[0-9a-f]{8}$/);
    expect(two.experiment!.salt).toBe(one.experiment!.salt);
    expect(withExperiment(candidate, 'keepCurrent', { unit: 'lead', candidateShare: 0.5, salt: 'mine' }).experiment!.salt).toBe('mine');
  });

  it('refuses what the file could not hold, naming the JSON path', () => {
    expect(() => withExperiment(candidate, control, { unit: 'week', candidateShare: 0.5 })).toThrow(/experiment\.weekStart: unit "week" needs weekStart/);
    expect(() => withExperiment(candidate, control, { unit: 'week', candidateShare: 0.5, weekStart: '2026-12-09' })).toThrow(/experiment\.weekStart: "2026-12-09" is not a Monday/);
    expect(() => withExperiment(candidate, control, { unit: 'slot', candidateShare: 0.333 })).toThrow(/experiment\.candidateShare/);
  });

  it('refuses two teams: a rep the two policies list differently', () => {
    const other: RuleConfig = { ...control, reps: [rep('a', { capacityPerWeek: 3 }), rep('b'), rep('c')] };
    expect(() => withExperiment(candidate, other, { unit: 'slot', candidateShare: 0.5 })).toThrow(/reps: "a" is listed differently/);
  });
});
