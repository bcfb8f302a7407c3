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
