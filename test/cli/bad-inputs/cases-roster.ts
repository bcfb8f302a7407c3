/**
 * Roster files (`inspect --roster`, a scenario's `roster.path`): a roster decides who gets leads,
 * so a line that does not read is refused naming its row and column, never dropped; rep ids that
 * are property names of a JavaScript object are ids like any other.
 */
import { expect } from 'vitest';
import { parseJson } from './checks';
import { both, meant, type Case, type InspectJson } from './run';
import { binaryJunk, json, LEADS, leadsCsv, scenario } from './fixtures';

const HEADER = 'rep_id,name,capacity_per_week,active\n';
function roster(name: string, content: string | Uint8Array, line: RegExp): Case {
  return {
    name: `roster: ${name}`,
    files: { 'leads.csv': leadsCsv(12), 'r.csv': content },
    argv: ['inspect', 'leads.csv', '--roster', 'r.csv', '--json'],
    expect: { refuse: line },
  };
}
/** The file, the row (or the file's line: the header is line 1, so row n is line n + 1), and the column. */
const at = (row: number, column?: string, file = 'r\\.csv') => both(new RegExp(file), new RegExp(`\\b(row ${row}|line ${row + 1})\\b`), ...(column ? [new RegExp(`column "${column}"`)] : []));

export const ROSTER_CASES: Case[] = [
  roster('a line with a field too many', `${HEADER}r1,Ann,20,true\nr2,Bob,10,true,extra\nr3,Cy,10,true\n`, at(2)),
  roster('a line with a field too few', `${HEADER}r1,Ann,20,true\nr2,Bob\nr3,Cy,10,true\n`, at(2)),
  roster('a quote never closed', `${HEADER}r1,Ann,20,true\nr2,"Bob,10,true\nr3,Cy,10,true\n`, at(2)),
  roster('a repeated rep id', `${HEADER}r1,Ann,20,true\nr2,Bob,10,true\nr1,Ann again,5,true\n`, both(at(3), /\brep_id\b/, /"r1"/)),
  roster('a negative capacity', `${HEADER}r1,Ann,20,true\nr2,Bob,-5,true\n`, at(2, 'capacity_per_week')),
  roster('a capacity of NaN', `${HEADER}r1,Ann,20,true\nr2,Bob,NaN,true\n`, at(2, 'capacity_per_week')),
  roster('a capacity of Infinity', `${HEADER}r1,Ann,20,true\nr2,Bob,Infinity,true\n`, at(2, 'capacity_per_week')),
  roster('a capacity of 1e400', `${HEADER}r1,Ann,20,true\nr2,Bob,1e400,true\n`, at(2, 'capacity_per_week')),
  roster('active neither yes nor no (maybe)', `${HEADER}r1,Ann,20,true\nr2,Bob,10,maybe\n`, at(2, 'active')),
  roster('active as a number other than 0 or 1', `${HEADER}r1,Ann,20,2\n`, at(1, 'active')),
  roster('an empty rep id', `${HEADER}r1,Ann,20,true\n,Bob,10,true\n`, both(at(2), /\b(rep_id|rep id|id)\b/)),
  roster('an unknown header', 'rep_id,name,capacity_per_week,favourite_colour\nr1,Ann,20,blue\n', both(/r\.csv/, /column "favourite_colour"/)),
  roster('a misspelt header (capacty)', 'rep_id,name,capacty\nr1,Ann,20\n', both(/r\.csv/, /column "capacty"/, meant('capacity'))),
  roster('working hours that do not read', 'rep_id,name,capacity_per_week,working_hours\nr1,Ann,20,09:00-18:00\nr2,Bob,10,all day\n', at(2, 'working_hours')),
  roster('an absence that is not a date', 'rep_id,name,capacity_per_week,absences\nr1,Ann,20,2026-02-02\nr2,Bob,10,next week\n', at(2, 'absences')),
  roster('no rep id or name column', 'team,capacity\nEast,10\n', both(/r\.csv/, /\b(rep id|rep_id|name)\b/)),
  roster('an empty file', '', both(/r\.csv/, /\bempty\b/)),
  roster('a header and no reps', HEADER, both(/r\.csv/, /\bno\b.*\b(reps?|rows?)\b/)),
  roster('binary junk', binaryJunk(), both(/r\.csv/, /\b(binary|not a CSV)/)),
  {
    name: 'roster: a roster file that does not exist',
    files: { 'leads.csv': leadsCsv(12) },
    argv: ['inspect', 'leads.csv', '--roster', 'gone.csv'],
    expect: { refuse: both(/gone\.csv/, /\b(no such file|not found|does not exist)\b/) },
  },
  {
    name: 'roster: __proto__, constructor and toString are rep ids like any other',
    files: { 'leads.csv': leadsCsv(12), 'r.csv': `${HEADER}__proto__,Proto,10,true\nconstructor,Con,20,true\ntoString,Str,30,false\nr1,Ann,40,true\n` },
    argv: ['inspect', 'leads.csv', '--roster', 'r.csv', '--json'],
    expect: {
      ok: (run) => {
        const { roster: got } = parseJson<InspectJson>(run);
        expect(got.origin).toBe('file');
        expect(got.reps.map((r) => [r['rep_id'], r['name'], r['capacity_per_week'], r['active']])).toEqual([
          ['__proto__', 'Proto', 10, true], ['constructor', 'Con', 20, true], ['toString', 'Str', 30, false], ['r1', 'Ann', 40, true],
        ]);
      },
    },
  },
  {
    name: 'roster: a scenario roster with a ragged line is refused naming its row',
    files: { 'leads.csv': LEADS, 'roster.csv': `${HEADER}r1,Ann,20,true\nr2,Bob,10,true,extra\nr3,Cy,10,true\n`, 's.json': json(scenario({ roster: { path: 'roster.csv' } })) },
    argv: ['simulate', '--scenario', 's.json', '--json'],
    expect: { refuse: at(2, undefined, 'roster\\.csv') },
  },
  {
    name: 'roster: a scenario whose roster has __proto__ and constructor reps simulates them',
    files: {
      'leads.csv': LEADS,
      'roster.csv': `${HEADER}r1,Ann,20,true\nr2,Bob,20,true\nr3,Cy,20,true\n__proto__,Proto,20,true\nconstructor,Con,20,true\n`,
      's.json': json(scenario({ roster: { path: 'roster.csv' }, policies: ['round_robin', 'least_loaded'], simulation: { weeks: 4, replications: 3, seed: 1 } })),
    },
    argv: ['simulate', '--scenario', 's.json', '--json'],
    expect: {
      ok: (run) => {
        const doc = parseJson<{ policies: Array<{ name: string; reps: Array<{ id: string; leads: { mean: number } }> }> }>(run);
        for (const policy of doc.policies) {
          const ids = policy.reps.map((r) => r.id);
          expect(ids, `reps of ${policy.name}`).toEqual(expect.arrayContaining(['r1', 'r2', 'r3', '__proto__', 'constructor']));
          expect(policy.reps.find((r) => r.id === '__proto__')!.leads.mean, `${policy.name}: __proto__ gets leads`).toBeGreaterThan(0);
          expect(policy.reps.find((r) => r.id === 'constructor')!.leads.mean, `${policy.name}: constructor gets leads`).toBeGreaterThan(0);
        }
      },
    },
  },
];
