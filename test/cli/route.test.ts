import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROTOTYPE_EXPECTED, PROTOTYPE_LEADS, PROTOTYPE_RULES } from '../route/prototype-fixtures';
import { expectOneLineError, runCli } from '../support/run-cli';

const dir = mkdtempSync(path.join(tmpdir(), 'allot-route-'));
const SAMPLE = path.resolve(import.meta.dirname, '../../data/sample/leads.csv');
const SAMPLE_LEADS = readFileSync(SAMPLE, 'utf8').trim().split('\n').length - 1;

const reps = [
  { id: 'r01', name: '王芳', crmUser: 'wang.fang@allot-sample.example', capacityPerWeek: 16, active: true, maxOpen: 40 },
  { id: 'r02', name: '李伟', crmUser: 'li.wei@allot-sample.example', capacityPerWeek: 14, active: true },
  { id: 'r03', name: 'Bob "the closer", Jr.', capacityPerWeek: 60, active: true },
  { id: 'r04', name: 'Dee', crmUser: 'dee@example.com', capacityPerWeek: 60, active: false },
];
const rules = {
  schema: 'allot.rules/v1',
  name: 'Sample territories',
  reps,
  prescreen: { dedupeOn: ['email'], reject: [{ field: 'email', op: 'empty' }] },
  rules: [
    { id: 'key-accounts', when: { field: 'value', op: 'gte', value: 400000 }, assign: { method: 'manual_review', queue: 'Key accounts' } },
    { id: 'east', when: { field: 'region', op: 'eq', value: 'East' }, assign: { method: 'weighted_round_robin', pool: [{ rep: 'r01', weight: 0.6 }, { rep: 'r02', weight: 0.4 }] } },
    { id: 'never', when: { all: [{ field: 'region', op: 'eq', value: 'East' }, { field: 'region', op: 'eq', value: 'West' }] }, assign: { method: 'fixed', pool: [{ rep: 'r03' }] } },
  ],
  fallback: { method: 'least_loaded', pool: [{ rep: 'r03' }, { rep: 'r04' }] },
};
const file = (name: string, content: unknown) => {
  const full = path.join(dir, name);
  writeFileSync(full, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return full;
};
const RULES = file('rules.json', rules);

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.trim().split('\n')) rows.push([...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].slice(0, 7).map((m) => m[1]!.replace(/^"|"$/g, '').replaceAll('""', '"')));
  return rows;
}

describe('allot route on the sample leads', () => {
  const out = path.join(dir, 'assignments.csv');
  const run = runCli(['route', '--rules', RULES, '--leads', SAMPLE, '--out', out, '--json']);
  const summary = JSON.parse(run.stdout || '{}');
  const rows = parseCsv(readFileSync(out, 'utf8'));

  it('gives every lead exactly one decision, in file order', () => {
    expect(run.code).toBe(0);
    expect(summary.leads).toEqual({ file: SAMPLE, rows: SAMPLE_LEADS, decided: SAMPLE_LEADS, unreadable: 0 });
    expect(summary.unreadable).toEqual([]);
    const kinds = summary.decisions;
    expect(kinds.assigned + kinds.queued + kinds.unassigned + kinds.rejected + kinds.duplicate).toBe(SAMPLE_LEADS);
    expect(rows[0]).toEqual(['lead_id', 'decision', 'rep', 'crm_user', 'queue', 'rule', 'reason']);
    expect(rows).toHaveLength(SAMPLE_LEADS + 1);
    expect(rows[1]![0]).toBe('L000001');
    expect(new Set(rows.slice(1).map((r) => r[0])).size).toBe(SAMPLE_LEADS);
  });

  it('sends leads only to reps of the pool that decided, and never to the inactive rep', () => {
    const pools: Record<string, string[]> = { east: ['r01', 'r02'], fallback: ['r03'] };
    for (const [, decision, rep, , , rule] of rows.slice(1)) if (decision === 'assigned') expect(pools[rule!], `${rule} → ${rep}`).toContain(rep);
    expect(summary.byRep.find((r: { rep: string }) => r.rep === 'r04').leads).toBe(0);
    expect(summary.byRule.map((r: { rule: string }) => r.rule)).toEqual(['key-accounts', 'east', 'never', 'fallback']);
    expect(summary.queues.find((q: { queue: string }) => q.queue === 'Key accounts').leads).toBeGreaterThan(0);
  });

  it('caps each rep per ISO week of created_at and says who was capped', () => {
    expect(summary.periods).toBeGreaterThanOrEqual(50);
    const byWeek = new Map<string, number>();
    const created = new Map(readFileSync(SAMPLE, 'utf8').trim().split('\n').slice(1).map((l) => [l.split(',')[0]!, l.split(',')[1]!] as const));
    for (const [id, decision, rep] of rows.slice(1)) {
      if (decision !== 'assigned' || rep !== 'r02') continue;
      const day = new Date(`${created.get(id!)!.slice(0, 10)}T00:00:00Z`);
      const monday = new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
      byWeek.set(monday, (byWeek.get(monday) ?? 0) + 1);
    }
    expect(Math.max(...byWeek.values())).toBe(14);
    expect(rows.some((r) => /skipped r02 \(capped: capacityPerWeek\)/.test(r[6]!))).toBe(true);
  });

  it('names no CRM user for a rep the rules give none, rather than their id', () => {
    expect(summary.byRep.find((r: { rep: string }) => r.rep === 'r03')).toMatchObject({ crmUser: null });
    expect(summary.byRep.find((r: { rep: string }) => r.rep === 'r01')).toMatchObject({ crmUser: 'wang.fang@allot-sample.example' });
    const r03 = rows.filter((r) => r[2] === 'r03');
    expect(r03.length).toBeGreaterThan(0);
    expect(new Set(r03.map((r) => r[3]))).toEqual(new Set(['']));
  });

  it('writes reasons with quotes as valid CSV, and names the original of a duplicate', () => {
    const duplicate = rows.find((r) => r[1] === 'duplicate');
    expect(duplicate?.[6]).toMatch(/^duplicate of L\d+ \(same email "[^"]+"\)$/);
  });

  it('warns about a rule that can never match', () => {
    expect(summary.warnings).toEqual([expect.stringMatching(/^rules\[2\] \("never"\) can never decide a lead: its condition contradicts itself/)]);
  });

  it('gives the same assignments every time', () => {
    const again = path.join(dir, 'again.csv');
    expect(runCli(['route', '--rules', RULES, '--leads', SAMPLE, '--out', again]).code).toBe(0);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(out, 'utf8'));
  });
});

describe('allot route, as a person reads it', () => {
  it('prints counts per rule and per rep, and warns about a field the file does not have', () => {
    const withChineseField = file('zh-rules.json', { ...rules, rules: [{ id: 'hd', when: { field: '所属区域', op: 'eq', value: '华东' }, assign: { method: 'fixed', pool: [{ rep: 'r03' }] } }] });
    const run = runCli(['route', '--rules', withChineseField, '--leads', SAMPLE]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Routed 6,866 leads of .*leads\.csv with "Sample territories"/);
    expect(run.stdout).toContain('\n  6,866 rows in the file: 6,866 decided + 0 unreadable\n');
    expect(run.stdout).toMatch(/\n {2}r03 +Bob "the closer", Jr\. +[\d,]+ {2}\(no CRM user\)\n/);
    expect(run.stdout).toMatch(/By rule:\n {2}hd +0 {2}fixed\n {2}fallback +[\d,]+ {2}least_loaded/);
    expect(run.stdout).toMatch(/By rep:\n {2}r01 /);
    expect(run.stdout).toContain('rules[0] names the field "所属区域", which is not a column of leads.csv');
  });
});

describe('allot route refuses bad input with one clear line', () => {

  it('a missing rules file', () => expectOneLineError(['route', '--rules', path.join(dir, 'nope.json'), '--leads', SAMPLE], /nope\.json: no such file/));
  it('a rules file that is not JSON', () => expectOneLineError(['route', '--rules', file('broken.json', '{ "rules": ['), '--leads', SAMPLE], /broken\.json: not valid JSON/));
  it('a pool naming an unknown rep names the JSON path', () => {
    const bad = structuredClone(rules);
    bad.rules[1]!.assign.pool![1]!.rep = 'r99';
    expectOneLineError(['route', '--rules', file('bad-rep.json', bad), '--leads', SAMPLE], /bad-rep\.json: rules\[1\]\.assign\.pool\[1\]\.rep: unknown rep "r99"/);
  });
  it('several mistakes: the first, and how many more', () => {
    const bad = { ...rules, reps: [{ ...reps[0], capacityPerWeek: 'lots' }, ...reps.slice(1)], rules: [{ ...rules.rules[1], id: 'x', when: { field: 'region', op: 'like', value: 'E%' } }] };
    expectOneLineError(['route', '--rules', file('two.json', bad), '--leads', SAMPLE], /two\.json: reps\[0\]\.capacityPerWeek: expected number, got "lots" \(and 1 more mistake\)\n$/);
  });
  it('a missing leads file', () => expectOneLineError(['route', '--rules', RULES, '--leads', path.join(dir, 'none.csv')], /none\.csv: no such file/));
  it('no --leads', () => expectOneLineError(['route', '--rules', RULES], /route needs --rules <rules\.json> and --leads <file>/));
});

describe('allot route on a file with broken rows', () => {
  // Line 3: a date that does not read; 4: an outcome nobody declared; 5: two fields short; 6: two
  // too many; 7: no lead id; 8: the id of line 2 again; 9 and 12: empty; 10-11: one quoted value
  // across two lines (DuckDB counts them as one line); 13: two fields short, no newline at the end.
  const broken = file('broken.csv', [
    'lead_id,created_at,owner,region,email,value,outcome',
    'L1,2025-01-06 08:00:00,r01,East,a@x,100,Won',
    'L2,not a date,r01,East,b@x,200,Lost',
    'L3,2025-01-07 09:00:00,r01,West,c@x,300,Maybe',
    'L4,2025-01-07,r02,East,d@x',
    'L5,2025-01-08 10:00:00,r02,East,e@x,12,Won,extra,more',
    ',2025-01-08,r02,East,f@x,1,Won',
    'L1,2025-01-09,r02,West,g@x,5,Lost',
    '',
    'L6,2025-01-09 11:00:00,r01,"East',
    'side",h@x,7,Won',
    '',
    'L7,2025-01-10,r01,East,i@x',
  ].join('\n'));
  const out = path.join(dir, 'broken-assignments.csv');
  const run = runCli(['route', '--rules', RULES, '--leads', broken, '--out', out, '--json']);
  const summary = JSON.parse(run.stdout || '{}');

  it('decides every row it can read, the bad date and the unknown outcome included', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const rows = parseCsv(readFileSync(out, 'utf8')).slice(1);
    // The lead without an id is named by its row as the import reports it: row 6 of the file, the
    // unreadable rows 4 and 5 counted.
    expect(rows.filter((r) => r[1] !== 'unreadable').map((r) => r[0])).toEqual(['L1', 'L2', 'L3', '#6', 'L1', 'L6']);
    expect(rows.find((r) => r[0] === 'L2')).toEqual(['L2', 'assigned', 'r02', 'li.wei@allot-sample.example', '', 'east', 'rule east (weighted_round_robin)']);
    expect(rows.find((r) => r[0] === 'L3')?.[1]).toBe('assigned');
  });

  it('lists each line it could not read, with its line number and why, and the counts add up', () => {
    expect(summary.unreadable).toEqual([
      { line: 5, reason: expect.stringMatching(/^missing columns: .*7.*5/i), text: 'L4,2025-01-07,r02,East,d@x' },
      { line: 6, reason: expect.stringMatching(/^too many columns: .*7.*8/i), text: 'L5,2025-01-08 10:00:00,r02,East,e@x,12,Won,extra,more' },
      { line: 13, reason: expect.stringMatching(/^missing columns: /), text: 'L7,2025-01-10,r01,East,i@x' },
    ]);
    const d = summary.decisions;
    expect(summary.leads).toEqual({ file: broken, rows: 9, decided: 6, unreadable: 3 });
    expect(d.assigned + d.queued + d.rejected + d.duplicate + d.unassigned).toBe(summary.leads.decided);
    expect(summary.leads.decided + summary.leads.unreadable).toBe(summary.leads.rows);
    const lines = parseCsv(readFileSync(out, 'utf8')).slice(1).filter((r) => r[1] === 'unreadable');
    expect(lines.map((r) => r[6])).toEqual([expect.stringMatching(/^line 5: /), expect.stringMatching(/^line 6: /), expect.stringMatching(/^line 13: /)]);
  });

  it('says which rows the import would reject were routed all the same, by their rows in the file', () => {
    expect(summary.warnings).toEqual(expect.arrayContaining([
      expect.stringMatching(/broken\.csv: 1 row\(s\) \(row 6\) have no lead id/),
      expect.stringMatching(/broken\.csv: 1 row\(s\) \(row 7\) repeat the lead id of an earlier row/),
      expect.stringMatching(/broken\.csv: 1 row\(s\) \(row 3\) have an outcome nobody declared/),
    ]));
  });

  it('prints the same counts and lines for a person', () => {
    const text = runCli(['route', '--rules', RULES, '--leads', broken]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('\n  9 rows in the file: 6 decided + 3 unreadable\n');
    expect(text.stdout).toMatch(/\nUnreadable lines \(not routed\):\n {2}line 5: missing columns: .*\n {2}line 6: too many columns: .*\n {2}line 13: missing columns: /);
  });
});

describe('allot route with reps, rules, fields and values named like Object.prototype members', () => {
  it('decides every lead as the library does, and counts each name by itself', () => {
    // The same rules as test/route/prototype-names.test.ts, plus a rule id a spreadsheet would run.
    const formula = '=HYPERLINK("http://evil.example","x")';
    const rules = { ...PROTOTYPE_RULES, rules: [...PROTOTYPE_RULES.rules, { id: formula, when: { field: 'lead_id', op: 'eq', value: 'never' }, assign: { method: 'fixed', pool: [{ rep: 'toString' }] } }] };
    const columns = ['lead_id', '__proto__', 'constructor', 'toString', 'hasOwnProperty'];
    const csv = [columns.join(','), ...PROTOTYPE_LEADS.map((lead) => columns.map((c) => (Object.hasOwn(lead, c) ? String(lead[c]) : '')).join(','))].join('\n');
    const out = path.join(dir, 'proto-assignments.csv');
    const run = runCli(['route', '--rules', file('proto-rules.json', rules), '--leads', file('proto.csv', csv), '--out', out, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const rows = parseCsv(readFileSync(out, 'utf8')).slice(1);
    // CSV cells are blank where the JSON leads have no key: `toString` empty is the same either way.
    expect(rows.map(([id, decision, rep, , , rule, reason]) => (decision === 'duplicate' ? `${id}: ${reason}` : `${rule} → ${rep}`))).toEqual(
      PROTOTYPE_EXPECTED.map((e, i) => (e.startsWith('duplicate') ? `L${i + 1}: duplicate of ${e.split(' ')[2]} (same ${e.split(' ').at(-1)} "${(PROTOTYPE_LEADS[i]![e.split(' ').at(-1)!] as string).trim().toLowerCase()}")` : e)),
    );
    const summary = JSON.parse(run.stdout);
    expect(summary.byRep.map((r: { rep: string; leads: number }) => `${r.rep} ${r.leads}`)).toEqual(['__proto__ 2', 'constructor 2', 'toString 2', 'hasOwnProperty 1']);
    expect(summary.byRule.map((r: { rule: string; leads: number }) => `${r.rule} ${r.leads}`)).toEqual(['__proto__ 1', 'constructor 1', 'toString 2', 'hasOwnProperty 0', `${formula} 0`, 'fallback 3']);
    expect(summary.warnings).toEqual([]);
    // Routed nowhere, but a cell a spreadsheet would run as a formula is never written as one.
    const raw = readFileSync(out, 'utf8');
    expect(raw).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});
