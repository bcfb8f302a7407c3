import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRuleConfig } from '../../src/model/rules';
import { expectOneLineError, runCli } from '../support/run-cli';

const SCENARIO = path.resolve(import.meta.dirname, '../../data/sample/scenario.json');
const DATA = path.resolve(import.meta.dirname, '../../data/sample');
const dir = mkdtempSync(path.join(tmpdir(), 'allot-optimize-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const activeReps = () =>
  readFileSync(path.join(DATA, 'roster.csv'), 'utf8').trim().split('\n').slice(1)
    .map((line) => line.split(','))
    .filter((cells) => cells[7] === 'true')
    .map((cells) => cells[0]!);

/** A copy of the sample scenario with other constraints; leads and roster by absolute path. */
function scenarioWith(name: string, extra: Record<string, unknown>): string {
  const base = JSON.parse(readFileSync(SCENARIO, 'utf8'));
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify({ ...base, leads: { path: path.join(DATA, 'leads.csv') }, roster: { path: path.join(DATA, 'roster.csv') }, ...extra }));
  return file;
}

describe('allot optimize', () => {
  it('solves the sample, writes a valid rule file and an LP naming every active rep', () => {
    const rules = path.join(dir, 'rules.json');
    const lp = path.join(dir, 'model.lp');
    const run = runCli(['optimize', '--scenario', SCENARIO, '--out', rules, '--lp', lp]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/optimal/);
    expect(run.stdout).toMatch(/expected conversions\/week/);
    expect(run.stdout).toMatch(/r01 王芳: [\d.]+ \/ 16/);

    const parsed = parseRuleConfig(JSON.parse(readFileSync(rules, 'utf8')));
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    if (!parsed.ok) return;
    expect(parsed.config.reps.find((r) => r.id === 'r01')).toMatchObject({ name: '王芳', crmUser: 'wang.fang@allot-sample.example' });
    expect(parsed.config.rules.length).toBeGreaterThan(0);
    expect(JSON.stringify(parsed.config.rules)).toMatch(/"field":"region","op":"eq","value":"East"/);

    const text = readFileSync(lp, 'utf8');
    expect(text.split('\n').find((l) => !l.startsWith('\\'))).toBe('Maximize');
    const active = activeReps();
    expect(active.length).toBeGreaterThan(5);
    for (const rep of active) expect(text).toContain(` ${rep} (`);
  });

  it('--json prints the documented keys', () => {
    const rules = path.join(dir, 'rules-json.json');
    const run = runCli(['optimize', '--scenario', SCENARIO, '--out', rules, '--json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ status: 'optimal', rules });
    for (const key of ['objective', 'solveMs', 'variables', 'constraints']) expect(typeof out[key]).toBe('number');
    expect(out.objective).toBeGreaterThan(0);
    expect(out.variables).toBeGreaterThan(0);
    expect(parseRuleConfig(JSON.parse(readFileSync(rules, 'utf8'))).ok).toBe(true);
  });

  it('--json says how the plan was made and what the floor costs; the sample\'s plan raises no warning', () => {
    const run = runCli(['optimize', '--scenario', SCENARIO, '--out', path.join(dir, 'rules-defaults.json'), '--json']);
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout);
    expect(out.headroom).toBe(0.05);
    expect(out.flags).toEqual([]);
    // Without the floor, r15 would get nothing at 10% headroom.
    expect(out.floorCost).toMatchObject({ floor: 0.2, weeks: 13, lifted: [{ id: 'r15', name: 'James Wu' }] });
    expect(out.floorCost.conversions).toBeCloseTo(out.floorCost.conversionsPerWeek * 13, 1);
    expect(out.floorCost.withoutFloor.conversionsPerWeek).toBeGreaterThanOrEqual(out.floorCost.withFloor.conversionsPerWeek);
  });

  it('a plan that leaves active reps with nothing is a warning on stderr naming them, and a flag in --json', () => {
    const file = scenarioWith('bare.scenario.json', { constraints: { capacity: true, headroom: 0, repFloor: 0 } });
    const run = runCli(['optimize', '--scenario', file, '--out', path.join(dir, 'bare-rules.json'), '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('allot: warning: 3 active reps who can take leads get none: r05 刘洋, r09 赵丽, r15 James Wu\n');
    const out = JSON.parse(run.stdout);
    expect(out.flags).toEqual([{ code: 'reps_without_leads', params: { reps: 'r05 刘洋, r09 赵丽, r15 James Wu', count: 3 }, text: '3 active reps who can take leads get none: r05 刘洋, r09 赵丽, r15 James Wu' }]);
    expect(out.floorCost).toBeNull();
    const text = runCli(['optimize', '--scenario', file, '--out', path.join(dir, 'bare-rules.json')]);
    expect(text.stdout).toMatch(/^Planning: reps planned to full capacity \(constraints\.headroom 0\); no floor per rep \(constraints\.repFloor 0\)\.$/m);
  });

  it('a missing scenario file is one line, exit 2', () => {
    expectOneLineError(['optimize', '--scenario', path.join(dir, 'nope.json'), '--out', path.join(dir, 'x.json')], /nope\.json/);
  });

  it('missing --out is one line, exit 2', () => {
    expectOneLineError(['optimize', '--scenario', SCENARIO], /--out/);
  });

  it('an infeasible scenario (every rep at full capacity, more capacity than leads) is one line, exit 2', () => {
    const file = scenarioWith('infeasible.scenario.json', { constraints: { loadBand: [1, 1] } });
    const out = path.join(dir, 'infeasible-rules.json');
    expectOneLineError(['optimize', '--scenario', file, '--out', out], /infeasible/);
    expect(() => readFileSync(out)).toThrow();
  });

  it('a scenario without a roster infers the team from the history, says so, and still optimizes', () => {
    const sub = path.join(dir, 'no-roster');
    mkdirSync(sub, { recursive: true });
    const { roster: _, ...base } = JSON.parse(readFileSync(SCENARIO, 'utf8'));
    const file = path.join(sub, 'scenario.json');
    writeFileSync(file, JSON.stringify({ ...base, leads: { path: path.relative(sub, path.join(DATA, 'leads.csv')) } }));
    const rules = path.join(sub, 'rules.json');
    const run = runCli(['optimize', '--scenario', file, '--out', rules, '--json'], { cwd: tmpdir() });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.status).toBe('optimal');
    expect(out.roster.origin).toBe('inferred');
    expect(out.roster.notes.join(' ')).toMatch(/one per owner in the history/);
    expect(out.roster.notes.join(' ')).toMatch(/region:<value>/);
    const parsed = parseRuleConfig(JSON.parse(readFileSync(rules, 'utf8')));
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    if (!parsed.ok) return;
    // The owners of the history are the reps; eligibility by region still holds through the inferred skills.
    expect(parsed.config.reps.map((r) => r.id)).toEqual(Array.from({ length: 15 }, (_, i) => `r${String(i + 1).padStart(2, '0')}`));
    const east = parsed.config.rules.filter((r) => JSON.stringify(r.when).includes('"value":"East"'));
    expect(east.length).toBeGreaterThan(0);
    for (const rule of east) for (const entry of rule.assign.pool) expect(['r01', 'r02', 'r03', 'r04', 'r05']).toContain(entry.rep);
  });

  describe('bad input gets one clear message', () => {
    it('a segment field the leads do not have names the JSON path and the columns there are', () => {
      const file = scenarioWith('missing-field.scenario.json', { segments: { fields: ['region', 'colour'] } });
      expectOneLineError(['optimize', '--scenario', file, '--out', path.join(dir, 'x.json')], /segments\.fields\[1\]: "colour" is not a column of the leads \(columns: .*region/);
    });

    it('an eligibility field that is not a column of the leads names eligibility.field', () => {
      const file = scenarioWith('eligibility-field.scenario.json', { eligibility: { field: 'territory', skill: 'region' } });
      expectOneLineError(['optimize', '--scenario', file, '--out', path.join(dir, 'x.json')], /eligibility\.field: "territory" is not a column of the leads \(columns: .*region/);
    });

    it('eligibility on a column that is not a segment field cuts the segments by it too', () => {
      const file = scenarioWith('eligibility-source.scenario.json', { eligibility: { field: 'source', skill: 'source' } });
      const run = runCli(['optimize', '--scenario', file, '--out', path.join(dir, 'source.rules.json'), '--json']);
      // Nobody holds a source:… skill: every segment's leads go to the overflow queue, said as such.
      expect(run.stderr).toMatch(/^allot: warning: the plan sends 100% of the demand \([\d.]+ of [\d.]+ leads\/week\) to the "overflow" queue, where a person must route them\n$/);
      expect(JSON.parse(run.stdout).flags.map((f: { code: string }) => f.code)).toEqual(['overflow_share']);
      expect(JSON.parse(readFileSync(path.join(dir, 'source.rules.json'), 'utf8')).segmentFields).toEqual(['region', 'product', 'source']);
    });

    it('a junior share nobody can satisfy says how many leads juniors would need and can take', () => {
      const file = scenarioWith('junior.scenario.json', { constraints: { juniorShare: { segments: { product: ['Starter', 'Pro', 'Enterprise'] }, atLeast: 0.9 } } });
      // Juniors r03, r05, r08, r13, r15 take 12 leads/week each: 60 in all.
      expectOneLineError(['optimize', '--scenario', file, '--out', path.join(dir, 'x.json')], /infeasible: junior share 90% of .* needs [\d.]+ leads\/week for juniors, whose capacity is 60$/m);
    });

    it('capacity below demand is a plan with an overflow queue, and the numbers say by how much; a rep with no eligible segment is named', () => {
      const reps = [
        { rep_id: 'e1', name: 'East One', skills: ['region:East'], capacity_per_week: 10 },
        { rep_id: 'n1', name: 'North One', skills: ['region:North'], capacity_per_week: 10 },
        { rep_id: 's1', name: 'South One', skills: ['region:South'], capacity_per_week: 10 },
        { rep_id: 'w1', name: 'West One', skills: ['region:West'], capacity_per_week: 10 },
      ];
      const file = scenarioWith('short.scenario.json', { roster: { reps } });
      const rules = path.join(dir, 'short-rules.json');
      const run = runCli(['optimize', '--scenario', file, '--out', rules]);
      expect(run.stderr).toMatch(/^allot: warning: the plan sends [\d.]+% of the demand .* to the "overflow" queue, where a person must route them\n$/);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^Note: East\|Enterprise, East\|Pro, East\|Starter need [\d.]+ leads\/week, eligible reps \(e1\) can take 10 in all: [\d.]+\/week go to the "overflow" queue$/m);
      expect(run.stdout).toMatch(/^Note: rep "w1" is eligible for no segment and will get no leads$/m);
      const parsed = parseRuleConfig(JSON.parse(readFileSync(rules, 'utf8')));
      expect(parsed.ok).toBe(true);
    });
  });
});

