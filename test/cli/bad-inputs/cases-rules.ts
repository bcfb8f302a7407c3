/**
 * Rule files (`route`, `export --rules`): mistakes refused in one line naming the rule file and
 * the JSON path; nesting refused against a stated depth limit rather than overflowing the stack;
 * ids and fields that are JavaScript property names (`__proto__`, `constructor`) routed like any
 * other; hostile names exported as text, never as live markup, links, images or formulas.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { expectNoLiveMarkup, expectRouteAccounts, liveMarkup, parseJson, type RouteJson } from './checks';
import { both, meant, type Case } from './run';
import { deepCondition, deepConditionJson, hostileRules, json, LEAD_HEADER, leadRows, leadsCsv, REPS, rules, toCsv } from './fixtures';

/** The twelve-lead file: rows 1–3 and 7–9 are East, the rest West. */
const LEADS12 = leadsCsv(12);
const EAST = 6;

function rulesRefused(name: string, content: unknown, line: RegExp, command: 'route' | 'export' = 'route'): Case {
  return {
    name: `rules: ${name}${command === 'export' ? ' (export)' : ''}`,
    files: { 'leads.csv': LEADS12, 'r.json': typeof content === 'string' ? content : json(content) },
    argv: command === 'route' ? ['route', '--rules', 'r.json', '--leads', 'leads.csv', '--json'] : ['export', '--rules', 'r.json', '--target', 'json', '--out', 'out', '--json'],
    expect: { refuse: line },
  };
}

function routed(name: string, content: unknown, check: (doc: RouteJson) => void, leads = LEADS12, lines = 12): Case {
  return {
    name: `rules: ${name}`,
    files: { 'leads.csv': leads, 'r.json': typeof content === 'string' ? content : json(content) },
    argv: ['route', '--rules', 'r.json', '--leads', 'leads.csv', '--json', '--out', 'a.csv'],
    expect: { ok: (run) => check(expectRouteAccounts(run, lines, 'a.csv')) },
  };
}

const byRep = (doc: RouteJson, rep: string) => doc.byRep.find((r) => r.rep === rep)?.leads;
const byRule = (doc: RouteJson, rule: string) => doc.byRule.find((r) => r.rule === rule)?.leads;

/** A stated depth limit: "nested deeper than 64", "at most 64 levels", "depth limit 64"… */
const DEPTH = /\b(nest\w*|deep\w*|depth|levels?)\b.*\d+|\d+.*\b(nest\w*|deep\w*|depth|levels?)\b/;
const deepRules = (depth: number) => json(rules()).replace('"when": {\n        "field": "region",\n        "op": "eq",\n        "value": "East"\n      }', `"when": ${deepConditionJson(depth)}`);

const twoReps = (first: string, second: string) => ({
  reps: [{ ...REPS[0], id: first }, { ...REPS[1], id: second }],
  rules: [{ id: 'east', when: { field: 'region', op: 'eq', value: 'East' }, assign: { method: 'fixed', pool: [{ rep: first }] } }],
  fallback: { method: 'round_robin', pool: [{ rep: second }] },
});

/** A rule file with an experiment (allot.rules/v2): the East rule as the candidate, a round robin over r1 and r3 as the control. */
const CONTROL = { name: 'round robin', rules: [], fallback: { method: 'round_robin', pool: [{ rep: 'r1' }, { rep: 'r3' }] } };
const withExperiment = (experiment: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  rules({ schema: 'allot.rules/v2', experiment: { unit: 'slot', candidateShare: 0.5, control: CONTROL, ...experiment }, ...extra });

/** Broken experiment blocks, refused in one line naming the file and the JSON path; and one that routes. */
const EXPERIMENT_CASES: Case[] = [
  rulesRefused('experiment: a control rule naming an unknown rep', withExperiment({ control: { ...CONTROL, rules: [{ id: 'x', assign: { method: 'fixed', pool: [{ rep: 'r9' }] } }] } }),
    both(/r\.json/, /experiment\.control\.rules\[0\]\.assign\.pool\[0\]\.rep\b/, /"r9"/)),
  rulesRefused('experiment: a lead split without a salt', withExperiment({ unit: 'lead' }), both(/r\.json/, /experiment\.salt\b/, /needs salt/), 'export'),
  rulesRefused('experiment: a week split starting on a Wednesday', withExperiment({ unit: 'week', weekStart: '2026-12-09' }), both(/r\.json/, /experiment\.weekStart\b/, /not a Monday/)),
  rulesRefused('experiment: a share of 150%', withExperiment({ candidateShare: 1.5 }), both(/r\.json/, /experiment\.candidateShare\b/, /between 0 and 1/), 'export'),
  rulesRefused('experiment: a misspelt key (candidateShar)', withExperiment({ candidateShar: 0.5 }), both(/r\.json/, /experiment\.candidateShar\b/, meant('candidateShare'))),
  rulesRefused('experiment: an experiment in a file that says allot.rules/v1', withExperiment({}, { schema: 'allot.rules/v1' }), both(/r\.json/, /\bschema\b/, /allot\.rules\/v2/)),
  rulesRefused('an unknown schema id names both ids read', rules({ schema: 'allot.rules/v3' }), both(/r\.json/, /\bschema\b/, /allot\.rules\/v2.*allot\.rules\/v1/), 'export'),
  rulesRefused('experiment: a control that neither routes nor keeps the current process', withExperiment({ control: { name: 'c' } }), both(/r\.json/, /experiment\.control\.keepCurrent\b/, /missing \(expected true\)/)),
  {
    name: 'rules: an experiment by lead hash exported for Salesforce is refused, naming experiment.unit and suggesting slot',
    files: { 'r.json': json(withExperiment({ unit: 'lead', salt: 's' })) },
    argv: ['export', '--rules', 'r.json', '--target', 'salesforce', '--out', 'out'],
    expect: { refuse: both(/r\.json/, /experiment\.unit\b/, /unit "slot"/) },
  },
  // Twelve leads are slots 0-11: all below 50, so all the candidate's, as Salesforce's first 50 slots of each hundred would be.
  routed('experiment: a slot split gives the candidate the first half of each hundred leads', withExperiment({}), (doc) => {
    expect(doc['arms']).toEqual({ candidate: 12, control: 0, leftToCurrent: 0 });
    expect(doc.byRule.filter((r) => (r as { arm?: string }).arm === 'control').map((r) => r.rule)).toEqual(['fallback']);
  }),
  routed('experiment: a lead split against the current process counts the control\'s leads as left to it', withExperiment({ unit: 'lead', salt: 'bad-inputs', control: { name: 'as is', keepCurrent: true } }), (doc) => {
    const arms = doc['arms'] as { candidate: number; control: number; leftToCurrent: number };
    expect(arms.candidate + arms.control).toBe(12);
    expect(arms.leftToCurrent).toBe(arms.control);
    expect(doc.decisions['left_to_current']).toBe(arms.control);
    expect(doc.decisions['assigned']).toBe(arms.candidate);
  }),
];

export const RULES_CASES: Case[] = [
  rulesRefused('a condition nested 10,000 deep is refused against a stated depth limit', deepRules(10_000), both(/r\.json/, /rules\[0\]\.when\b/, DEPTH)),
  rulesRefused('a condition nested 10,000 deep is refused against a stated depth limit', deepRules(10_000), both(/r\.json/, /rules\[0\]\.when\b/, DEPTH), 'export'),
  rulesRefused('a condition nested 200,000 deep is refused against a stated depth limit', deepRules(200_000), both(/r\.json/, /rules\[0\]\.when\b/, DEPTH)),
  rulesRefused('a prescreen reject nested 10,000 deep', json(rules({ prescreen: { reject: ['__DEEP__'] } })).replace('"__DEEP__"', deepConditionJson(10_000)), both(/r\.json/, /prescreen\.reject\[0\]/, DEPTH)),
  rulesRefused('an unknown operator', rules({ rules: [{ id: 'east', when: { field: 'region', op: 'equals', value: 'East' }, assign: { method: 'fixed', pool: [{ rep: 'r1' }] } }] }), both(/r\.json/, /rules\[0\]\.when\.op\b/, /"equals"/)),
  rulesRefused('an unknown rep in a rule pool', rules({ rules: [{ id: 'east', when: { field: 'region', op: 'eq', value: 'East' }, assign: { method: 'fixed', pool: [{ rep: 'r9' }] } }] }), both(/r\.json/, /rules\[0\]\.assign\.pool\[0\]\.rep\b/, /"r9"/)),
  rulesRefused('an unknown rep in the fallback pool', rules({ fallback: { method: 'round_robin', pool: [{ rep: 'r1' }, { rep: 'r99' }] } }), both(/r\.json/, /fallback\.pool\[1\]\.rep\b/, /"r99"/), 'export'),
  rulesRefused('a misspelt key in a rule (assing)', rules({ rules: [{ id: 'east', when: { field: 'region', op: 'eq', value: 'East' }, assing: { method: 'fixed', pool: [{ rep: 'r1' }] } }] }), both(/r\.json/, /rules\[0\]\.assing\b/, meant('assign'))),
  rulesRefused('a misspelt top-level key (fallbak)', { ...rules(), fallbak: { method: 'round_robin', pool: [{ rep: 'r1' }] } }, both(/r\.json/, /\bfallbak\b/, meant('fallback'))),
  rulesRefused('a misspelt key in a rep (capacityPerWek)', rules({ reps: [{ ...REPS[0], capacityPerWek: 5 }, REPS[1], REPS[2]] }), both(/r\.json/, /reps\[0\]\.capacityPerWek\b/, meant('capacityPerWeek'))),
  rulesRefused('a __proto__ key in a rule', json(rules()).replace('"id": "east",', '"__proto__": {"id": "x"}, "id": "east",'), both(/r\.json/, /rules\[0\]\.__proto__/, /\bunknown\b/), 'export'),
  rulesRefused('a capacity as text', rules({ reps: [{ ...REPS[0], capacityPerWeek: '10' }, REPS[1], REPS[2]] }), both(/r\.json/, /reps\[0\]\.capacityPerWeek\b/, /\bnumber\b/)),
  rulesRefused('weights that do not sum to 1', rules({ rules: [{ id: 'east', when: { field: 'region', op: 'eq', value: 'East' }, assign: { method: 'weighted_round_robin', pool: [{ rep: 'r1', weight: 0.5 }, { rep: 'r2', weight: 0.4 }] } }] }), both(/r\.json/, /rules\[0\]\.assign\.pool\b/, /\bsum\b/)),
  rulesRefused('a rule file that is a list', [rules()], both(/r\.json/, /\(root\)|\broot\b|\bobject\b/)),
  rulesRefused('invalid JSON (a trailing comma) names line and column', '{\n  "schema": "allot.rules/v1",\n  "name": "x",\n}\n', both(/r\.json/, /line 4\b/, /col(umn)? 1\b/), 'export'),
  rulesRefused('an empty rule file', '', both(/r\.json/, /\b(empty|no JSON|not valid JSON)\b/)),
  {
    name: 'rules: a rule file that does not exist',
    files: { 'leads.csv': LEADS12 },
    argv: ['route', '--rules', 'gone.json', '--leads', 'leads.csv'],
    expect: { refuse: both(/gone\.json/, /\b(no such file|not found|does not exist)\b/) },
  },
  routed('a condition nested 12 deep still routes', json(rules({ rules: [{ id: 'east', when: deepCondition(12), assign: { method: 'fixed', pool: [{ rep: 'r1' }] } }] })), (doc) => {
    expect(byRule(doc, 'east'), 'leads the nested rule took').toBe(EAST);
  }),
  routed('__proto__ as a rep id routes its leads', rules(twoReps('__proto__', 'r2')), (doc) => {
    expect(doc.decisions['assigned']).toBe(12);
    expect(byRep(doc, '__proto__')).toBe(EAST);
    expect(byRep(doc, 'r2')).toBe(12 - EAST);
  }),
  routed('constructor as a rep id routes its leads', rules(twoReps('constructor', 'hasOwnProperty')), (doc) => {
    expect(doc.decisions['assigned']).toBe(12);
    expect(byRep(doc, 'constructor')).toBe(EAST);
    expect(byRep(doc, 'hasOwnProperty')).toBe(12 - EAST);
  }),
  routed('__proto__ and constructor as rule ids', rules({
    rules: [
      { id: '__proto__', when: { field: 'region', op: 'eq', value: 'East' }, assign: { method: 'fixed', pool: [{ rep: 'r1' }] } },
      { id: 'constructor', when: { field: 'product', op: 'eq', value: 'A' }, assign: { method: 'fixed', pool: [{ rep: 'r2' }] } },
    ],
  }), (doc) => {
    // Rows 1–12: East = 1–3, 7–9; product A = 1–5, 11–12; A and not East = 4, 5, 11, 12.
    expect(byRule(doc, '__proto__')).toBe(EAST);
    expect(byRule(doc, 'constructor')).toBe(4);
    expect(byRule(doc, 'fallback')).toBe(2);
  }),
  routed('dedupe on __proto__, a field the file lacks, finds no duplicates', rules({ prescreen: { dedupeOn: ['__proto__'] } }), (doc) => {
    expect(doc.decisions['duplicate'], 'duplicates').toBe(0);
    expect(doc.decisions['assigned']).toBe(12);
  }),
  routed('dedupe on constructor, a field the file lacks, finds no duplicates', rules({ prescreen: { dedupeOn: ['constructor', 'toString'] } }), (doc) => {
    expect(doc.decisions['duplicate'], 'duplicates').toBe(0);
    expect(doc.decisions['assigned']).toBe(12);
  }),
  routed('dedupe on a __proto__ column finds its repeated values', rules({ prescreen: { dedupeOn: ['__proto__'] } }, ), (doc) => {
    // Values v0…v3 over twelve leads: the first of each is new, the other eight repeat one.
    expect(doc.decisions['duplicate'], 'duplicates').toBe(8);
    expect(doc.decisions['assigned']).toBe(4);
  }, toCsv([...LEAD_HEADER, '__proto__'], leadRows(12).map((r, i) => [...LEAD_HEADER.map((h) => r[h]), `v${i % 4}`]))),
  routed('a condition that constructor is empty matches a file without it', rules({ rules: [{ id: 'no-ctor', when: { field: 'constructor', op: 'empty' }, assign: { method: 'fixed', pool: [{ rep: 'r3' }] } }] }), (doc) => {
    expect(byRule(doc, 'no-ctor')).toBe(12);
    expect(byRep(doc, 'r3')).toBe(12);
  }),
  routed('a condition on toString never matches a file without it', rules({ rules: [{ id: 'str', when: { field: 'toString', op: 'contains', value: 'native' }, assign: { method: 'fixed', pool: [{ rep: 'r3' }] } }] }), (doc) => {
    expect(byRule(doc, 'str')).toBe(0);
    expect(byRule(doc, 'fallback')).toBe(12);
  }),
  routed('every line of a broken lead file is decided or listed', rules(), (doc) => {
    // Row 7 has no lead id: whatever names it names row 7 of the file, not its place after the unreadable row 6.
    const said = JSON.stringify(doc);
    expect(said, 'the lead without an id is row 7').toMatch(/\brow 7\b|#7\b/);
    expect(said, 'no row renumbered after the unreadable line').not.toMatch(/\(row 6\) have no lead id|#6\b/);
  }, (() => {
    const lines = leadsCsv(8).replace(/\n$/, '').split('\n');
    lines[2] = lines[1]!; // row 2 repeats row 1's id
    lines[4] = lines[4]!.replace(/,(Won|Lost),/, ',Negotiating,'); // an outcome nobody declared
    lines[6] = `${lines[6]},extra`; // a field too many
    lines[7] = lines[7]!.replace(/^L\d+/, ''); // no lead id
    return lines.join('\n') + '\n';
  })(), 8),
  {
    name: 'rules: hostile lead ids stay text in the assignments file',
    files: { 'leads.csv': leadsCsv(4, (_, n) => (n === 2 ? { lead_id: '=HYPERLINK("http://evil","x")' } : n === 3 ? { lead_id: '@SUM(1+1)*cmd|x' } : {})), 'r.json': json(rules()) },
    argv: ['route', '--rules', 'r.json', '--leads', 'leads.csv', '--out', 'a.csv', '--json'],
    expect: {
      ok: (run) => {
        expectRouteAccounts(run, 4, 'a.csv');
        const text = readFileSync(path.join(run.dir, 'a.csv'), 'utf8');
        expect(liveMarkup('a.csv', text)).toEqual([]);
        expect(text, 'the @ formula').not.toMatch(/(^|,)"?@SUM/m);
      },
    },
  },
  routed('hostile names route like any other', hostileRules(), (doc) => {
    expect(doc.decisions['assigned']).toBe(12);
  }),
  ...(['json', 'salesforce', 'hubspot', 'frappe', 'odoo', 'build-sheet', 'reference-router'] as const).map((target): Case => ({
    name: `rules: hostile names exported for ${target} hold no live markup, link, image or formula`,
    files: { 'r.json': json(hostileRules()) },
    argv: ['export', '--rules', 'r.json', '--target', target, '--out', 'out', '--json'],
    expect: {
      ok: (run) => {
        const files = expectNoLiveMarkup(run, 'out');
        const listed = parseJson<{ files: string[] }>(run).files;
        expect(listed.length, 'files listed').toBe(files.length);
      },
    },
  })),
  {
    name: 'rules: hostile names in the Chinese build sheet hold no live markup',
    files: { 'r.json': json(hostileRules()) },
    argv: ['export', '--rules', 'r.json', '--target', 'build-sheet', '--language', 'zh', '--out', 'out'],
    expect: { ok: (run) => void expectNoLiveMarkup(run, 'out') },
  },
  ...EXPERIMENT_CASES,
];
