import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SAMPLE = path.join(ROOT, 'data/sample/scenario.json');
const dir = mkdtempSync(path.join(tmpdir(), 'allot-estimate-'));
const file = (name: string, content: string) => {
  const full = path.join(dir, name);
  writeFileSync(full, content);
  return full;
};
const scenario = (name: string, body: object) => file(name, JSON.stringify({ schema: 'allot.scenario/v1', ...body }));
const LEADS = 'lead_id,created_at,owner,region,outcome\n1,2026-01-05 09:00:00,r1,East,won\n2,2026-01-06 09:00:00,r2,East,lost\n';

function expectOneLineError(args: string[], pattern: RegExp) {
  const run = runCli(args);
  expect(run.stderr).toMatch(pattern);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe('allot estimate on the sample scenario', () => {
  const run = runCli(['estimate', '--scenario', SAMPLE, '--json', '--backtest']);
  const out = run.code === 0 ? JSON.parse(run.stdout) : null;

  it('prints one JSON document of the shape DESIGN §2.5 gives', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(out.segments).toHaveLength(9);
    expect(out.segments[0]).toMatchObject({ key: 'East|Enterprise', fields: { region: 'East', product: 'Enterprise' } });
    expect(out.segments[0].perWeek).toBeCloseTo(596 / 52, 10);
    expect(out.reps).toHaveLength(15);
    expect(out.reps[0]).toMatchObject({ id: 'r01', name: '王芳', active: true, seen: true });
    expect(out.conversion).toHaveLength(135);
    for (const c of out.conversion) {
      expect(Object.keys(c)).toEqual(expect.arrayContaining(['segment', 'rep', 'mean', 'lo', 'hi', 'n']));
      expect(c.lo).toBeLessThanOrEqual(c.mean);
      expect(c.hi).toBeGreaterThanOrEqual(c.mean);
    }
    expect(out.decay).toMatchObject({ source: 'fitted' });
    expect(out.backtest).toMatchObject({ cutoff: '2025-10-05 21:37:30', total: { covered: true } });
  });

  it('reads as tables in a terminal', () => {
    const text = runCli(['estimate', '--scenario', SAMPLE]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Sample team: region × product: 6,866 leads, 6,344 decided, 9 segments × 15 reps, over 52 weeks/);
    expect(text.stdout).toMatch(/\n {2}East\|Enterprise +11\.5 +3\.2 +505 +16\.2%/);
    expect(text.stdout).toMatch(/\n {2}r11 +黄强 +350 +82 +0\.27 +0\.09 … 0\.47 +\*/);
    expect(text.stdout).toContain('Response-time decay (fitted)');
    expect(text.stdout).not.toContain('Backtest');
  });
});

describe('allot estimate refuses bad input with one clear line', () => {
  const leads = file('leads.csv', LEADS);

  it('a segment field that is not a column', () => {
    const s = scenario('bad-field.json', { leads: { path: 'leads.csv' }, segments: { fields: ['regio'] } });
    expectOneLineError(['estimate', '--scenario', s], /bad-field\.json: segments\.fields\[0\]: "regio" is not a column of the leads \(columns: .*region/);
  });
  it('a scenario file that is not JSON', () => {
    expectOneLineError(['estimate', '--scenario', file('broken.json', '{ "schema": ')], /broken\.json: not valid JSON/);
  });
  it('a scenario that breaks the schema names the JSON path', () => {
    expectOneLineError(['estimate', '--scenario', scenario('v0.json', { schema: 'allot.scenario/v0', leads: { path: 'leads.csv' } })], /v0\.json: schema: /);
    expectOneLineError(['estimate', '--scenario', scenario('empty-field.json', { leads: { path: 'leads.csv' }, segments: { fields: [''] } })], /empty-field\.json: segments\.fields\[0\]: /);
  });
  it('an empty lead file', () => {
    file('empty.csv', '');
    expectOneLineError(['estimate', '--scenario', scenario('empty.json', { leads: { path: 'empty.csv' } })], /empty\.csv: the file is empty/);
  });
  it('a lead file with a header and no rows', () => {
    file('header.csv', 'lead_id,created_at,owner,region,outcome\n');
    expectOneLineError(['estimate', '--scenario', scenario('header.json', { leads: { path: 'header.csv' } })], /header\.csv: the file has a header line but no rows of leads\./);
  });
  it('leads with no decided outcome', () => {
    file('open.csv', 'lead_id,owner,region,outcome\n1,r1,East,open\n');
    expectOneLineError(['estimate', '--scenario', scenario('open.json', { leads: { path: 'open.csv' } })], /open\.csv: no decided \(won or lost\) lead/);
  });
  it('a lead file that is not there, named as the scenario resolves it', () => {
    expectOneLineError(['estimate', '--scenario', scenario('gone.json', { leads: { path: 'gone.csv' } })], new RegExp(`${path.join(dir, 'gone.csv').replaceAll('/', '\\/')}: no such file`));
  });
  it('no --scenario', () => expectOneLineError(['estimate', '--json'], /estimate needs --scenario/));
  it('resolves paths against the scenario file, not the working directory', () => {
    const run = runCli(['estimate', '--json', '--scenario', scenario('ok.json', { leads: { path: path.basename(leads) }, segments: { fields: ['region'] } })], { cwd: tmpdir() });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).conversion).toHaveLength(2);
  });
  it('without a roster, the reps are the owners in the history, and the output says how they were guessed', () => {
    const run = runCli(['estimate', '--json', '--scenario', scenario('inferred.json', { leads: { path: path.basename(leads) }, segments: { fields: ['region'] } })]);
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout);
    expect(out.roster.origin).toBe('inferred');
    expect(out.roster.notes[0]).toBe('No roster in the scenario: it is inferred from the history.');
    expect(out.reps.map((r: { id: string; inRoster: boolean }) => [r.id, r.inRoster])).toEqual([['r1', true], ['r2', true]]);
    const text = runCli(['estimate', '--scenario', scenario('inferred.json', { leads: { path: path.basename(leads) }, segments: { fields: ['region'] } })]);
    expect(text.stdout).toMatch(/^Roster: Capacity per week: the 90th percentile/m);
  });
});
