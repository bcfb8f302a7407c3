import { describe, expect, it } from 'vitest';
import { armRuleOfExperiment, armsOf } from '../../src/experiment/readout-report';
import { createRouterState, route } from '../../src/route';
import { rep, rulesOf } from '../route/rule-fixtures';

/** The readout recomputes each lead's arm from a rule file's split exactly as the router decided it. */
const DAY = 86_400_000;
const leadsOf = (n: number, created: (i: number) => number, arm: (i: number) => string | null = () => null) => ({
  leadId: Array.from({ length: n }, (_, i) => `L${i}`),
  armText: Array.from({ length: n }, (_, i) => arm(i)),
  created: Float64Array.from({ length: n }, (_, i) => created(i)),
});
const routedArms = (experiment: object, leads: Array<Record<string, string>>) => {
  const config = rulesOf({ schema: 'allot.rules/v2', reps: [rep('a')], experiment: { ...experiment, control: { name: 'as is', keepCurrent: true } } as never });
  const state = createRouterState(config);
  return leads.map((lead) => (route(config, lead, state).decision.kind === 'left_to_current' ? 'control' : 'candidate'));
};

describe('the readout\'s arms from a rule file\'s experiment', () => {
  it('slot: the slot column (or the AutoNumber itself) mod 100 against the candidate\'s slots, as the router counted them', () => {
    const arms = armRuleOfExperiment({ unit: 'slot', candidateShare: 0.3 }, 'Allot_Seq__c');
    const leads = leadsOf(250, () => 0, (i) => (i === 7 ? null : String(i)));
    const read = armsOf(leads, { control: 'as_is', candidate: 'optimized', arms });
    const routed = routedArms({ unit: 'slot', candidateShare: 0.3 }, leads.leadId.map((lead_id) => ({ lead_id })));
    expect(read.map((a, i) => a ?? routed[i])).toEqual(routed);
    expect(read[7]).toBeNull();
    expect(() => armsOf(leadsOf(3, () => 0, () => 'slot-4'), { control: 'c', candidate: 'd', arms })).toThrow(/Allot_Seq__c: "slot-4" is not a slot/);
  });

  it('week: the creation week from weekStart, as the router reads created_at', () => {
    const start = Date.UTC(2026, 11, 7);
    const arms = armRuleOfExperiment({ unit: 'week', candidateShare: 0.5, weekStart: '2026-12-07' }, 'unused');
    const leads = leadsOf(60, (i) => start + (i - 10) * DAY + 13 * 3_600_000);
    const read = armsOf(leads, { control: 'c', candidate: 'd', arms });
    const routed = routedArms({ unit: 'week', candidateShare: 0.5, weekStart: '2026-12-07' }, Array.from(leads.created, (t, i) => ({ lead_id: `L${i}`, created_at: new Date(t).toISOString() })));
    expect(read).toEqual(routed);
    expect(new Set(read)).toEqual(new Set(['candidate', 'control']));
  });
});
