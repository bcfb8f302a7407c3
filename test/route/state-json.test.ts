import { describe, expect, it } from 'vitest';
import { createRouterState, route, routerStateFromJson, routerStateToJson, type Lead } from '../../src/route';
import { rep, rulesOf } from './rule-fixtures';

const config = rulesOf({
  reps: [rep('a', { capacityPerWeek: 30 }), rep('b', { maxOpen: 25 }), rep('c')],
  prescreen: { dedupeOn: ['email'] },
  rules: [
    { id: 'east', when: { field: 'region', op: 'eq', value: 'East' }, assign: { method: 'weighted_round_robin', pool: [{ rep: 'a', weight: 0.7 }, { rep: 'b', weight: 0.3 }] } },
    { id: 'west', when: { field: 'region', op: 'eq', value: 'West' }, assign: { method: 'least_loaded', pool: [{ rep: 'b' }, { rep: 'c' }] } },
  ],
});
const leads: Lead[] = Array.from({ length: 120 }, (_, i) => ({ lead_id: `L${i}`, region: ['East', 'West', 'North'][i % 3]!, email: `e${i % 90}@x` }));

describe('a router state saved as JSON between leads', () => {
  it('routes on exactly as if it had never been saved', () => {
    const straight = createRouterState(config);
    const expected = leads.map((lead) => route(config, lead, straight).decision);

    let state = createRouterState(config);
    const resumed = leads.map((lead, i) => {
      if (i % 7 === 0) state = routerStateFromJson(config, JSON.parse(JSON.stringify(routerStateToJson(state))));
      return route(config, lead, state).decision;
    });
    expect(resumed).toEqual(expected);
  });

  it('is keyed by names, so it loads under edited rules', () => {
    const state = createRouterState(config);
    leads.slice(0, 30).forEach((lead) => route(config, lead, state));
    const saved = routerStateToJson(state);
    expect(saved.reps.a!.assignedInPeriod + saved.reps.b!.assignedInPeriod + saved.reps.c!.assignedInPeriod).toBe(30);
    const edited = rulesOf({ reps: [rep('c'), rep('a'), rep('d')], rules: [{ id: 'west', assign: { method: 'round_robin', pool: [{ rep: 'c' }, { rep: 'd' }] } }] });
    const loaded = routerStateFromJson(edited, saved);
    expect(Array.from(loaded.assignedInPeriod)).toEqual([saved.reps.c!.assignedInPeriod, saved.reps.a!.assignedInPeriod, 0]);
  });

  it('refuses a document that is not a router state', () => {
    expect(() => routerStateFromJson(config, { format: 'something else' } as never)).toThrow(/allot.router-state\/v1/);
  });
});

describe('the router state of an experiment (allot.router-state/v2)', () => {
  const roundRobin = { method: 'round_robin' as const, pool: [{ rep: 'a' }, { rep: 'b' }, { rep: 'c' }] };
  const experiment = rulesOf({
    schema: 'allot.rules/v2',
    reps: [rep('a'), rep('b'), rep('c')],
    // The same rule id in both arms: the saved state keeps them apart.
    rules: [{ id: 'east', when: { field: 'region', op: 'eq', value: 'East' }, assign: roundRobin }],
    experiment: { unit: 'lead', candidateShare: 0.5, salt: 's', control: { name: 'control', rules: [{ id: 'east', assign: { method: 'weighted_round_robin', pool: [{ rep: 'a', weight: 0.2 }, { rep: 'c', weight: 0.8 }] } }], fallback: roundRobin } },
  });

  it('saves each arm\'s pools apart and routes on exactly as if it had never been saved', () => {
    const straight = createRouterState(experiment);
    const expected = leads.map((lead) => route(experiment, lead, straight).decision);
    let state = createRouterState(experiment);
    const resumed = leads.map((lead, i) => {
      if (i % 5 === 0) state = routerStateFromJson(experiment, JSON.parse(JSON.stringify(routerStateToJson(state))));
      return route(experiment, lead, state).decision;
    });
    expect(resumed).toEqual(expected);
    const saved = routerStateToJson(state);
    expect(saved.format).toBe('allot.router-state/v2');
    expect(Object.keys(saved.pools)).toEqual(['east', 'fallback']);
    expect(Object.keys(saved.controlPools!)).toEqual(['east', 'fallback']);
    expect(Object.keys(saved.controlPools!.east!.current)).toEqual(['a', 'c']);
  });

  it('a state saved as allot.router-state/v1 (before experiments) still loads: its pools are the candidate\'s, the control starts fresh', () => {
    const v1 = { format: 'allot.router-state/v1', period: '2026-W50', routed: 12, reps: { a: { assignedInPeriod: 4, open: 2, away: false } }, pools: { east: { cursor: 2, current: {} } }, seen: {} } as const;
    const loaded = routerStateFromJson(experiment, v1 as never);
    expect([loaded.routed, loaded.assignedInPeriod[0], loaded.cursor[0], loaded.cursor[2]]).toEqual([12, 4, 2, 0]);
    const plain = routerStateFromJson(config, v1 as never);
    expect(routerStateToJson(plain).controlPools).toBeUndefined();
  });
});
