import { describe, expect, it } from 'vitest';
import type { RuleConfig } from '../../src/model/rules';
import { closeLead, createRouterState, explainDecision, route, setRepAway, startPeriod, type Decision, type Lead, type RouterState } from '../../src/route';
import { rep, rulesOf } from './rule-fixtures';

/** Routes the leads in order and returns the decisions. */
function routeAll(config: RuleConfig, leads: Lead[], state: RouterState = createRouterState(config)): Decision[] {
  return leads.map((lead) => route(config, lead, state).decision);
}
const repsOf = (decisions: Decision[]) => decisions.map((d) => (d.kind === 'assigned' ? d.rep : d.kind));
const leads = (n: number, extra: Lead = {}): Lead[] => Array.from({ length: n }, (_, i) => ({ lead_id: `L${i + 1}`, ...extra }));

describe('round robin', () => {
  const config = rulesOf({ reps: [rep('a'), rep('b'), rep('c')], fallback: { method: 'round_robin', pool: [{ rep: 'a' }, { rep: 'b' }, { rep: 'c' }] } });

  it('takes turns in pool order', () => {
    expect(repsOf(routeAll(config, leads(7)))).toEqual(['a', 'b', 'c', 'a', 'b', 'c', 'a']);
  });

  it('passes over a rep who is away and says so, then picks them up again', () => {
    const state = createRouterState(config);
    const first = routeAll(config, leads(1), state);
    setRepAway(state, 'b', true);
    const whileAway = routeAll(config, leads(2), state);
    setRepAway(state, 'b', false);
    const back = routeAll(config, leads(2), state);
    expect(repsOf([...first, ...whileAway, ...back])).toEqual(['a', 'c', 'a', 'b', 'c']);
    expect(whileAway[0]).toMatchObject({ skipped: [{ rep: 'b', why: 'absent' }] });
    expect(back[0]).toMatchObject({ skipped: [] });
  });
});

describe('smooth weighted round robin', () => {
  it('spreads a 5:1:1 pool as nginx does (a a b a c a a), never a burst of one rep', () => {
    const config = rulesOf({
      reps: [rep('a'), rep('b'), rep('c')],
      rules: [{ id: 'w', assign: { method: 'weighted_round_robin', pool: [{ rep: 'a', weight: 5 / 7 }, { rep: 'b', weight: 1 / 7 }, { rep: 'c', weight: 1 / 7 }] } }],
    });
    expect(repsOf(routeAll(config, leads(14)))).toEqual(['a', 'a', 'b', 'a', 'c', 'a', 'a', 'a', 'a', 'b', 'a', 'c', 'a', 'a']);
  });

  it('gives each rep its weight of the leads', () => {
    const config = rulesOf({
      reps: [rep('a'), rep('b'), rep('c')],
      rules: [{ id: 'w', assign: { method: 'weighted_round_robin', pool: [{ rep: 'a', weight: 0.5 }, { rep: 'b', weight: 0.3 }, { rep: 'c', weight: 0.2 }] } }],
    });
    const counts = count(repsOf(routeAll(config, leads(1000))));
    expect(counts).toEqual({ a: 500, b: 300, c: 200 });
  });

  it('renormalises among the reps left when one is capped', () => {
    const config = rulesOf({
      reps: [rep('a', { capacityPerWeek: 2 }), rep('b'), rep('c')],
      rules: [{ id: 'w', assign: { method: 'weighted_round_robin', pool: [{ rep: 'a', weight: 0.5 }, { rep: 'b', weight: 0.375 }, { rep: 'c', weight: 0.125 }] } }],
    });
    const decisions = routeAll(config, leads(44));
    const reps = repsOf(decisions);
    expect(count(reps).a).toBe(2);
    const afterCap = count(reps.slice(reps.lastIndexOf('a') + 1));
    expect(Math.abs(afterCap.b! - 0.75 * (afterCap.b! + afterCap.c!))).toBeLessThan(1); // 0.375 : 0.125 renormalised
    expect(decisions.at(-1)).toMatchObject({ ruleId: 'w', skipped: [{ rep: 'a', why: 'capped', limit: 'capacityPerWeek' }] });
  });

  it('a rep with weight 0 gets nothing from the rule', () => {
    const config = rulesOf({ reps: [rep('a'), rep('b')], rules: [{ id: 'w', assign: { method: 'weighted_round_robin', pool: [{ rep: 'a', weight: 1 }, { rep: 'b', weight: 0 }] } }] });
    expect(new Set(repsOf(routeAll(config, leads(20))))).toEqual(new Set(['a']));
  });
});

describe('least loaded', () => {
  const config = rulesOf({
    reps: [rep('small', { capacityPerWeek: 10 }), rep('big', { capacityPerWeek: 20 })],
    rules: [{ id: 'll', assign: { method: 'least_loaded', pool: [{ rep: 'small' }, { rep: 'big' }] } }],
  });

  it('fills reps in proportion to capacity', () => {
    expect(count(repsOf(routeAll(config, leads(30))))).toEqual({ small: 10, big: 20 });
  });

  it('a rep whose leads are closed is next in line', () => {
    const state = createRouterState(config);
    routeAll(config, leads(6), state); // small 2 open (0.2), big 4 open (0.2)
    closeLead(state, 'small');
    closeLead(state, 'small');
    expect(repsOf(routeAll(config, leads(2), state))).toEqual(['small', 'small']);
  });

  it('starts from the backlog a rep already has', () => {
    const state = createRouterState(config, { open: { small: 9 } });
    expect(count(repsOf(routeAll(config, leads(10), state)))).toEqual({ big: 10 });
  });
});

describe('fixed and manual review', () => {
  const config = rulesOf({
    reps: [rep('ann'), rep('bob'), rep('cai')],
    rules: [
      { id: 'vip', when: { field: 'value', op: 'gte', value: 100000 }, assign: { method: 'manual_review', queue: 'VIP desk' } },
      { id: 'ann-accounts', when: { field: 'account', op: 'eq', value: 'ACME' }, assign: { method: 'fixed', pool: [{ rep: 'ann' }] } },
    ],
    fallback: { method: 'round_robin', pool: [{ rep: 'bob' }, { rep: 'cai' }] },
  });

  it('a fixed rule always names its rep', () => {
    expect(repsOf(routeAll(config, leads(3, { account: 'ACME' })))).toEqual(['ann', 'ann', 'ann']);
  });

  it('manual review puts the lead in the named queue, with no rep', () => {
    const [decision] = routeAll(config, [{ lead_id: 'L1', value: 250000, account: 'ACME' }]);
    expect(decision).toMatchObject({ kind: 'queued', queue: 'VIP desk', ruleId: 'vip', method: 'manual_review' });
    expect(decision).not.toHaveProperty('rep');
  });

  it('when the fixed rep is away, the fallback decides and the audit trail says why', () => {
    const state = createRouterState(config);
    setRepAway(state, 'ann', true);
    const [decision] = routeAll(config, [{ lead_id: 'L9', account: 'ACME' }], state);
    expect(decision).toMatchObject({ kind: 'assigned', rep: 'bob', ruleId: 'fallback', fallbackBecause: 'pool_exhausted', matchedRuleId: 'ann-accounts', skipped: [{ rep: 'ann', why: 'absent' }] });
    expect(explainDecision(decision!)).toBe('fallback (round_robin); rule ann-accounts had nobody available; skipped ann (absent)');
  });
});

describe('nobody left', () => {
  it('a lead goes to the unassigned queue when the fallback is exhausted too, never to a rep outside the pools', () => {
    const config = rulesOf({
      reps: [rep('a', { capacityPerWeek: 1 }), rep('b', { maxOpen: 1 }), rep('c', { active: false }), rep('outsider')],
      rules: [{ id: 'r', assign: { method: 'round_robin', pool: [{ rep: 'a' }, { rep: 'c' }] } }],
      fallback: { method: 'least_loaded', pool: [{ rep: 'b' }] },
    });
    const decisions = routeAll(config, leads(3));
    expect(repsOf(decisions)).toEqual(['a', 'b', 'unassigned']);
    expect(decisions[2]).toMatchObject({
      queue: 'unassigned', ruleId: 'fallback', matchedRuleId: 'r',
      skipped: [{ rep: 'a', why: 'capped', limit: 'capacityPerWeek' }, { rep: 'c', why: 'inactive' }, { rep: 'b', why: 'capped', limit: 'maxOpen' }],
    });
  });

  it('a new period lifts the weekly cap; a closed lead lifts the open cap', () => {
    const config = rulesOf({ reps: [rep('a', { capacityPerWeek: 1 }), rep('b', { maxOpen: 1 })], rules: [{ id: 'a-only', assign: { method: 'fixed', pool: [{ rep: 'a' }] } }], fallback: { method: 'fixed', pool: [{ rep: 'b' }] } });
    const state = createRouterState(config, { period: '2025-W01' });
    expect(repsOf(routeAll(config, leads(3), state))).toEqual(['a', 'b', 'unassigned']);
    startPeriod(state, '2025-W02');
    closeLead(state, 'b');
    expect(state.period).toBe('2025-W02');
    expect(repsOf(routeAll(config, leads(3), state))).toEqual(['a', 'b', 'unassigned']);
  });
});

describe('prescreen', () => {
  const config = rulesOf({
    reps: [rep('a'), rep('b')],
    prescreen: { dedupeOn: ['email', 'phone'], reject: [{ field: 'email', op: 'empty' }, { field: 'source', op: 'eq', value: 'Test' }] },
  });

  it('rejects before routing, with the condition that rejected', () => {
    const decisions = routeAll(config, [{ lead_id: 'L1', email: '' }, { lead_id: 'L2', email: 'x@y', source: 'Test' }, { lead_id: 'L3', email: 'z@y' }]);
    expect(decisions.map((d) => d.kind)).toEqual(['rejected', 'rejected', 'assigned']);
    expect(explainDecision(decisions[1]!)).toBe('rejected by prescreen.reject[1]: source = "Test"');
    expect(decisions[2]).toMatchObject({ rep: 'a' }); // rejected leads take no turn
  });

  it('a lead seen before by email or phone is a duplicate of the first, whatever the case and spaces', () => {
    const decisions = routeAll(config, [
      { lead_id: 'L1', email: 'Wang.Fang@Example.com', phone: '138' },
      { lead_id: 'L2', email: ' wang.fang@example.com ', phone: '139' },
      { lead_id: 'L3', email: 'other@example.com', phone: '138' },
      { lead_id: 'L4', email: 'new@example.com', phone: null },
    ]);
    expect(decisions.map((d) => d.kind)).toEqual(['assigned', 'duplicate', 'duplicate', 'assigned']);
    expect(decisions[1]).toMatchObject({ firstLeadId: 'L1', field: 'email', value: 'wang.fang@example.com' });
    expect(decisions[2]).toMatchObject({ firstLeadId: 'L1', field: 'phone' });
  });

  it('a lead without a lead_id is named by its position', () => {
    const decisions = routeAll(config, [{ email: 'a@b' }, { email: 'a@b' }]);
    expect(decisions[1]).toMatchObject({ kind: 'duplicate', leadId: '#2', firstLeadId: '#1' });
  });
});

describe('rules in order', () => {
  it('the first matching rule decides; no match goes to the fallback', () => {
    const config = rulesOf({
      reps: [rep('east1'), rep('east2'), rep('gen')],
      rules: [
        { id: 'east-big', when: { all: [{ field: 'region', op: 'eq', value: 'East' }, { field: 'value', op: 'gt', value: 1000 }] }, assign: { method: 'fixed', pool: [{ rep: 'east1' }] } },
        { id: 'east', when: { field: 'region', op: 'eq', value: 'East' }, assign: { method: 'fixed', pool: [{ rep: 'east2' }] } },
      ],
      fallback: { method: 'fixed', pool: [{ rep: 'gen' }] },
    });
    const decisions = routeAll(config, [{ region: 'East', value: 5000 }, { region: 'East', value: 10 }, { region: 'West', value: 5000 }]);
    expect(decisions.map((d) => (d.kind === 'assigned' ? `${d.ruleId}:${d.rep}` : d.kind))).toEqual(['east-big:east1', 'east:east2', 'fallback:gen']);
    expect(decisions[2]).toMatchObject({ fallbackBecause: 'no_match', matchedRuleId: null });
  });

  it('a state made for other rules is refused rather than misread', () => {
    const one = rulesOf({ reps: [rep('a')] });
    const other = rulesOf({ reps: [rep('a')] });
    expect(() => route(one, {}, createRouterState(other))).toThrow(/created for other rules/);
  });
});

function count(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}
