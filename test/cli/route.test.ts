import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectOneLineError, runCli } from '../support/run-cli';

const dir = mkdtempSync(path.join(tmpdir(), 'allot-route-'));
const SAMPLE = path.resolve(import.meta.dirname, '../../data/sample/leads.csv');
const SAMPLE_LEADS = readFileSync(SAMPLE, 'utf8').trim().split('\n').length - 1;

const reps = [
  { id: 'r01', name: '王芳', crmUser: 'wang.fang@allot-sample.example', capacityPerWeek: 16, active: true, maxOpen: 40 },
  { id: 'r02', name: '李伟', crmUser: 'li.wei@allot-sample.example', capacityPerWeek: 14, active: true },
  { id: 'r03', name: 'Bob "the closer", Jr.', crmUser: 'bob@example.com', capacityPerWeek: 60, active: true },
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
    expect(summary.leads.count).toBe(SAMPLE_LEADS);
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
