import { describe, expect, it } from 'vitest';
import { MappingSchema } from '../../src/model/mapping';
import type { ScenarioProposal } from '../../src/model/proposal';
import { RepSchema, type Rep } from '../../src/model/roster';
import { ScenarioSchema, type Scenario } from '../../src/model/scenario';
import { scenarioForData } from '../../src/pipeline/follow-data';

const rep = (rep_id: string, extra: Partial<Rep> = {}): Rep => RepSchema.parse({ rep_id, name: rep_id, capacity_per_week: 10, ...extra });
const message = (text: string) => ({ code: 'horizon_default' as const, params: {}, text });
const proposal: ScenarioProposal = {
  name: 'deals: industry',
  segments: { fields: ['industry'], ranking: [], reason: message('industry') },
  eligibility: { rule: { field: 'country', skill: 'region' }, leadsWithoutEligibleRep: 0, reason: message('country') },
  horizon: { weeks: 6, reason: message('6 weeks') },
};
const previous: Scenario = ScenarioSchema.parse({
  schema: 'allot.scenario/v1',
  name: 'Q3 East',
  leads: { path: 'deals.csv' },
  roster: { reps: [rep('ana', { capacity_per_week: 99, tier: 'senior' }), rep('bo')] },
  segments: { fields: ['industry', 'size'] },
  eligibility: { field: 'size', skill: 'band' },
  constraints: { pins: [{ segment: { size: 'Big' }, rep: 'ana', share: 0.5 }, { segment: { industry: 'Retail' }, rep: 'bo', share: 0.2 }] },
  simulation: { weeks: 10, absent: ['bo'] },
});
const leads = (file: string, columns: string[]) => ({ file, mapping: MappingSchema.parse({ fields: { owner: 'seller' } }), columns });

describe('the scenario follows the data', () => {
  it('other leads take every proposal and the inferred team; nothing of the other data stays', () => {
    const { scenario, notes } = scenarioForData(previous, leads('other.csv', ['industry', 'country']), proposal, [rep('cy'), rep('ana')], true);
    expect(scenario.name).toBe('deals: industry');
    expect(scenario.segments.fields).toEqual(['industry']);
    expect(scenario.eligibility).toEqual({ field: 'country', skill: 'region' });
    expect(scenario.simulation.weeks).toBe(6);
    expect(scenario.constraints.pins).toEqual([]);
    expect(scenario.simulation.absent).toEqual([]);
    // Another team's Ana is not this one: the inferred rep, not the edited one.
    expect(scenario.roster && 'reps' in scenario.roster ? scenario.roster.reps.map((r) => [r.rep_id, r.capacity_per_week]) : []).toEqual([['cy', 10], ['ana', 10]]);
    expect(scenario.leads).toMatchObject({ path: 'other.csv', mapping: { fields: { owner: 'seller' } } });
    expect(notes.map((n) => n.code)).toEqual(['follow_new_data']);
    expect(ScenarioSchema.parse(scenario)).toEqual(scenario);
  });

  it('the same leads re-mapped keep the settings, drop those naming a gone column with a note, and keep edited reps', () => {
    const { scenario, notes } = scenarioForData(previous, leads('deals.csv', ['industry', 'country']), proposal, [rep('ana'), rep('dee')], false);
    expect(scenario.name).toBe('Q3 East');
    expect(scenario.segments.fields).toEqual(['industry']);
    expect(scenario.eligibility).toEqual({ field: 'country', skill: 'region' });
    expect(scenario.simulation.weeks).toBe(10);
    // Bo left the owners: the pin naming him goes too.
    expect(scenario.constraints.pins).toEqual([]);
    expect(scenario.roster && 'reps' in scenario.roster ? scenario.roster.reps.map((r) => [r.rep_id, r.capacity_per_week, r.tier]) : []).toEqual([['ana', 99, 'senior'], ['dee', 10, '']]);
    expect(scenario.simulation.absent).toEqual([]);
    expect(notes.map((n) => [n.code, n.params])).toEqual([
      ['follow_dropped_setting', { setting: 'segments.fields', fields: 'size' }],
      ['follow_dropped_setting', { setting: 'eligibility', fields: 'size' }],
      ['follow_dropped_setting', { setting: 'constraints.pins', fields: 'size' }],
      ['follow_roster_kept', { kept: 1, added: 1, removed: 1 }],
      ['follow_dropped_absent', { reps: 'bo' }],
      ['follow_dropped_rep_setting', { setting: 'constraints.pins', reps: 'bo' }],
    ]);
  });
});
