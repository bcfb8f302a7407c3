/**
 * Scenario files (`estimate`, `optimize`, `simulate --scenario`): every mistake is refused in one
 * line naming the scenario file and the JSON path; unknown keys at every level with the key meant;
 * sizes that would run for hours or exhaust memory are refused against a stated limit.
 */
import { both, DIR, meant, type Case } from './run';
import { json, LEADS, scenario } from './fixtures';

function scenarioCase(name: string, content: unknown, line: RegExp, command: 'estimate' | 'simulate' | 'optimize' = 'estimate', timeoutMs?: number): Case {
  const argv = command === 'optimize' ? ['optimize', '--scenario', 's.json', '--out', 'rules.json'] : [command, '--scenario', 's.json', '--json'];
  return {
    name: `scenario: ${name}`,
    files: { 'leads.csv': LEADS, 's.json': typeof content === 'string' ? content : json(content) },
    argv,
    ...(timeoutMs ? { timeoutMs } : {}),
    expect: { refuse: line },
  };
}

const sim = (simulation: Record<string, unknown>) => scenario({ simulation: { weeks: 4, replications: 5, seed: 1, ...simulation } });
/** A limit stated in the line: "at most 10,000", "no more than …", "limit …", "≤ …". */
const LIMIT = /\b(at most|no more than|maximum|max(imum)? is|limit(ed)?( is| of)?|up to)\b[^\d]*\d|≤\s*\d/;

export const SCENARIO_CASES: Case[] = [
  scenarioCase('a misspelt top-level key (simulaton)', { ...scenario(), simulaton: { weeks: 4 } }, both(/s\.json/, /\bsimulaton\b/, meant('simulation'))),
  scenarioCase('a misspelt key in simulation (replication)', sim({ replication: 5 }), both(/s\.json/, /simulation\.replication\b/, meant('replications'))),
  scenarioCase('a misspelt key in leads (paht)', scenario({ leads: { paht: 'leads.csv' } }), both(/s\.json/, /leads\.paht\b/, meant('path'))),
  scenarioCase('a misspelt key in constraints (capacty)', scenario({ constraints: { capacty: true } }), both(/s\.json/, /constraints\.capacty\b/, meant('capacity'))),
  scenarioCase('a misspelt key in segments (field)', scenario({ segments: { field: ['region'] } }), both(/s\.json/, /segments\.field\b/, meant('fields'))),
  scenarioCase('a misspelt key in an inline roster rep (capcity_per_week)',
    scenario({ roster: { reps: [{ rep_id: 'r1', name: 'Ann', capcity_per_week: 10 }] } }), both(/s\.json/, /roster\.reps\[0\]\.capcity_per_week\b/, meant('capacity_per_week'))),
  scenarioCase('a misspelt key in an inline mapping (fields.ownr)', scenario({ leads: { path: 'leads.csv', mapping: { fields: { ownr: 'owner' } } } }), both(/s\.json/, /leads\.mapping\.fields\.ownr\b/, meant('owner'))),
  scenarioCase('a misspelt key in eligibility (feild)', scenario({ eligibility: { feild: 'region', skill: 'region' } }), both(/s\.json/, /eligibility\.feild\b/, meant('field'))),
  scenarioCase('a __proto__ key', `{"__proto__": {"simulation": {"replications": 0}}, ${json(scenario()).trim().slice(1)}`, both(/s\.json/, /__proto__/, /\bunknown\b/)),
  scenarioCase('a misspelt policy (optimised)', scenario({ policies: ['round_robin', 'optimised'] }), both(/s\.json/, /policies\[1\]/, meant('optimized'))),
  scenarioCase('weeks as text', sim({ weeks: '13' }), both(/s\.json/, /simulation\.weeks\b/, /\b(number|expected)\b/)),
  scenarioCase('segment fields as text', scenario({ segments: { fields: 'region' } }), both(/s\.json/, /segments\.fields\b/, /\b(array|list|expected)\b/)),
  scenarioCase('a wrong schema id', scenario({ schema: 'allot.scenario/v2' }), both(/s\.json/, /\bschema\b/, /allot\.scenario\/v1/)),
  scenarioCase('a decay floor above 1', scenario({ decay: { floor: 2, tauHours: 24 } }), both(/s\.json/, /decay\.floor\b/)),
  scenarioCase('a negative value band', scenario({ segments: { fields: ['region'], valueBands: [-1000] } }), both(/s\.json/, /segments\.valueBands\[0\]/)),
  scenarioCase('a load band whose low end is above its high end', scenario({ constraints: { loadBand: [0.9, 0.5] } }), both(/s\.json/, /constraints\.loadBand\b/), 'optimize'),
  scenarioCase('a lead file that does not exist', scenario({ leads: { path: 'nope.csv' } }), both(/nope\.csv/, /\b(no such file|not found|does not exist)\b/)),
  scenarioCase('a roster file that does not exist', scenario({ roster: { path: 'gone-roster.csv' } }), both(/gone-roster\.csv/, /\b(no such file|not found|does not exist)\b/)),
  scenarioCase('a mapping file that does not exist', scenario({ leads: { path: 'leads.csv', mapping: 'gone.mapping.json' } }), both(/gone\.mapping\.json/, /\b(no such file|not found|does not exist)\b/)),
  scenarioCase('a segment field that is not a column', scenario({ segments: { fields: ['regoin'] } }), both(/s\.json/, /segments\.fields\[0\]/, /"regoin"/)),
  scenarioCase('an eligibility field that is not a column', scenario({ eligibility: { field: 'terrritory', skill: 'region' } }), both(/s\.json/, /eligibility\.field\b/, /"terrritory"/)),
  scenarioCase('replications 0', sim({ replications: 0 }), both(/s\.json/, /simulation\.replications\b/), 'simulate'),
  scenarioCase('replications -5', sim({ replications: -5 }), both(/s\.json/, /simulation\.replications\b/), 'simulate'),
  scenarioCase('replications 1e9 is refused against a stated limit', sim({ replications: 1e9 }), both(/s\.json/, /simulation\.replications\b/, LIMIT), 'simulate', 30_000),
  scenarioCase('weeks 0', sim({ weeks: 0 }), both(/s\.json/, /simulation\.weeks\b/), 'simulate'),
  scenarioCase('weeks 10 million is refused against a stated limit', sim({ weeks: 1e7 }), both(/s\.json/, /simulation\.weeks\b/, LIMIT), 'simulate', 30_000),
  scenarioCase('a seed that is not a whole number', sim({ seed: 1.5 }), both(/s\.json/, /simulation\.seed\b/), 'simulate'),
  scenarioCase('a negative volumeMultiplier', sim({ volumeMultiplier: -1 }), both(/s\.json/, /simulation\.volumeMultiplier\b/), 'simulate'),
  scenarioCase('a volumeMultiplier of 1e9 is refused against a stated limit', sim({ volumeMultiplier: 1e9 }), both(/s\.json/, /simulation\.volumeMultiplier\b/, LIMIT), 'simulate', 30_000),
  scenarioCase('a rep away who is not on the roster', sim({ absent: ['r9'] }), both(/s\.json/, /simulation\.absent\[0\]/, /"r9"/), 'simulate'),
  scenarioCase('a pin to a rep who is not on the roster', scenario({ constraints: { pins: [{ segment: { region: 'East' }, rep: 'r9', share: 0.5 }] } }), both(/s\.json/, /constraints\.pins\[0\]\.rep\b/, /"r9"/), 'optimize'),
  scenarioCase('invalid JSON (a missing comma) names line and column', '{\n  "schema": "allot.scenario/v1"\n  "leads": { "path": "leads.csv" }\n}\n', both(/s\.json/, /line 3\b/, /col(umn)? 3\b/)),
  {
    name: 'scenario: --replications 1000000000 is refused against a stated limit',
    files: { 'leads.csv': LEADS, 's.json': json(scenario()) },
    argv: ['simulate', '--scenario', 's.json', '--replications', '1000000000', '--json'],
    timeoutMs: 30_000,
    expect: { refuse: both(/--replications\b/, LIMIT) },
  },
  {
    name: 'scenario: a folder given as the scenario',
    files: { 'leads.csv': LEADS, 's.json': DIR },
    argv: ['estimate', '--scenario', 's.json'],
    expect: { refuse: both(/s\.json/, /\b(folder|directory)\b/) },
  },
];
